using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FPbase.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "authors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    family_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    given_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    initials = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cameras",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    manufacturer = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    part = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    url = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cameras", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "filters",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    manufacturer = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    part = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    url = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    bandcenter = table.Column<int>(type: "integer", nullable: true),
                    bandwidth = table.Column<int>(type: "integer", nullable: true),
                    edge = table.Column<double>(type: "double precision", nullable: true),
                    tavg = table.Column<double>(type: "double precision", nullable: true),
                    aoi = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_filters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lights",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    manufacturer = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    part = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    url = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lights", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "microscopes",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    extra_lasers = table.Column<List<int>>(type: "integer[]", nullable: false),
                    cfg_min_wave = table.Column<int>(type: "integer", nullable: false),
                    cfg_max_wave = table.Column<int>(type: "integer", nullable: false),
                    cfg_calc_efficiency = table.Column<bool>(type: "boolean", nullable: false),
                    cfg_fill_area = table.Column<bool>(type: "boolean", nullable: false),
                    cfg_enable_pan_zoom = table.Column<bool>(type: "boolean", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_microscopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    scientific_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    common_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    division = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    genus = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    species = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    rank = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "references",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    doi = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    pmid = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    journal = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    pages = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    volume = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    issue = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    first_author = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    citation = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    summary = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_references", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_version_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resources = table.Column<string>(type: "text", nullable: false),
                    created_at_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_version_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "microscope_extra_cameras",
                columns: table => new
                {
                    camera_id = table.Column<int>(type: "integer", nullable: false),
                    microscope_id = table.Column<string>(type: "character varying(22)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_microscope_extra_cameras", x => new { x.camera_id, x.microscope_id });
                    table.ForeignKey(
                        name: "fk_microscope_extra_cameras_cameras_camera_id",
                        column: x => x.camera_id,
                        principalTable: "cameras",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_microscope_extra_cameras_microscopes_microscope_id",
                        column: x => x.microscope_id,
                        principalTable: "microscopes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "microscope_extra_lights",
                columns: table => new
                {
                    light_id = table.Column<int>(type: "integer", nullable: false),
                    microscope_id = table.Column<string>(type: "character varying(22)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_microscope_extra_lights", x => new { x.light_id, x.microscope_id });
                    table.ForeignKey(
                        name: "fk_microscope_extra_lights_lights_light_id",
                        column: x => x.light_id,
                        principalTable: "lights",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_microscope_extra_lights_microscopes_microscope_id",
                        column: x => x.microscope_id,
                        principalTable: "microscopes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "optical_configs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    comments = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    microscope_id = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    light_id = table.Column<int>(type: "integer", nullable: true),
                    camera_id = table.Column<int>(type: "integer", nullable: true),
                    laser = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_optical_configs", x => x.id);
                    table.ForeignKey(
                        name: "fk_optical_configs_cameras_camera_id",
                        column: x => x.camera_id,
                        principalTable: "cameras",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_optical_configs_lights_light_id",
                        column: x => x.light_id,
                        principalTable: "lights",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_optical_configs_microscopes_microscope_id",
                        column: x => x.microscope_id,
                        principalTable: "microscopes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dyes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    manufacturer = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    part = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    url = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    primary_reference_id = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dyes", x => x.id);
                    table.ForeignKey(
                        name: "fk_dyes_references_primary_reference_id",
                        column: x => x.primary_reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "excerpts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    content = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    reference_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_excerpts", x => x.id);
                    table.ForeignKey(
                        name: "fk_excerpts_references_reference_id",
                        column: x => x.reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "reference_authors",
                columns: table => new
                {
                    reference_id = table.Column<int>(type: "integer", nullable: false),
                    author_idx = table.Column<int>(type: "integer", nullable: false),
                    author_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_authors", x => new { x.reference_id, x.author_idx });
                    table.ForeignKey(
                        name: "fk_reference_authors_authors_author_id",
                        column: x => x.author_id,
                        principalTable: "authors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reference_authors_references_reference_id",
                        column: x => x.reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "filter_placements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    filter_id = table.Column<int>(type: "integer", nullable: false),
                    config_id = table.Column<int>(type: "integer", nullable: false),
                    path = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    reflects = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_filter_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_filter_placements_filters_filter_id",
                        column: x => x.filter_id,
                        principalTable: "filters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_filter_placements_optical_configs_config_id",
                        column: x => x.config_id,
                        principalTable: "optical_configs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bleach_measurements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rate = table.Column<double>(type: "double precision", nullable: false),
                    power = table.Column<double>(type: "double precision", nullable: true),
                    units = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    light = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    bandcenter = table.Column<int>(type: "integer", nullable: true),
                    bandwidth = table.Column<int>(type: "integer", nullable: true),
                    modality = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    temp = table.Column<double>(type: "double precision", nullable: true),
                    fusion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    in_cell = table.Column<int>(type: "integer", nullable: false),
                    cell_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    reference_id = table.Column<int>(type: "integer", nullable: true),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bleach_measurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_bleach_measurements_references_reference_id",
                        column: x => x.reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "excerpt_proteins",
                columns: table => new
                {
                    excerpt_id = table.Column<int>(type: "integer", nullable: false),
                    protein_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_excerpt_proteins", x => new { x.excerpt_id, x.protein_id });
                    table.ForeignKey(
                        name: "fk_excerpt_proteins_excerpts_excerpt_id",
                        column: x => x.excerpt_id,
                        principalTable: "excerpts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fluor_states",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    owner_slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ex_max = table.Column<int>(type: "integer", nullable: true),
                    em_max = table.Column<int>(type: "integer", nullable: true),
                    ex_hex = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    em_hex = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ext_coeff = table.Column<int>(type: "integer", nullable: true),
                    qy = table.Column<double>(type: "double precision", nullable: true),
                    brightness = table.Column<double>(type: "double precision", nullable: true),
                    lifetime = table.Column<double>(type: "double precision", nullable: true),
                    pka = table.Column<double>(type: "double precision", nullable: true),
                    maturation = table.Column<double>(type: "double precision", nullable: true),
                    twop_ex_max = table.Column<int>(type: "integer", nullable: true),
                    twop_peak_gm = table.Column<double>(type: "double precision", nullable: true),
                    twop_qy = table.Column<double>(type: "double precision", nullable: true),
                    is_dark = table.Column<bool>(type: "boolean", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    entity_type = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    dye_id = table.Column<int>(type: "integer", nullable: true),
                    protein_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fluor_states", x => x.id);
                    table.ForeignKey(
                        name: "fk_fluor_states_dyes_dye_id",
                        column: x => x.dye_id,
                        principalTable: "dyes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proteins",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uuid = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    base_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    chromophore = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    seq = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    genbank = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    uniprot = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ipg_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    pdb = table.Column<List<string>>(type: "text[]", nullable: false),
                    agg = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    switch_type = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    cofactor = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    blurb = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    parent_organism_id = table.Column<int>(type: "integer", nullable: true),
                    primary_reference_id = table.Column<int>(type: "integer", nullable: true),
                    default_state_id = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proteins", x => x.id);
                    table.ForeignKey(
                        name: "fk_proteins_fluor_states_default_state_id",
                        column: x => x.default_state_id,
                        principalTable: "fluor_states",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_proteins_organisms_parent_organism_id",
                        column: x => x.parent_organism_id,
                        principalTable: "organisms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_proteins_references_primary_reference_id",
                        column: x => x.primary_reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "spectra",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    subtype = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    min_wave = table.Column<int>(type: "integer", nullable: false),
                    max_wave = table.Column<int>(type: "integer", nullable: false),
                    values = table.Column<byte[]>(type: "bytea", nullable: false),
                    scale_factor = table.Column<double>(type: "double precision", nullable: true),
                    peak_wave = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ph = table.Column<double>(type: "double precision", nullable: true),
                    solvent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    owner_fluor_id = table.Column<int>(type: "integer", nullable: true),
                    owner_filter_id = table.Column<int>(type: "integer", nullable: true),
                    owner_light_id = table.Column<int>(type: "integer", nullable: true),
                    owner_camera_id = table.Column<int>(type: "integer", nullable: true),
                    reference_id = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spectra", x => x.id);
                    table.CheckConstraint("ck_spectra_category_subtype", "(category = 'p' AND subtype IN ('ex', 'ab', 'em', '2p')) OR (category = 'd' AND subtype IN ('ex', 'ab', 'em', '2p')) OR (category = 'f' AND subtype IN ('bp', 'bx', 'bm', 'sp', 'lp', 'bs')) OR (category = 'l' AND subtype IN ('pd')) OR (category = 'c' AND subtype IN ('qe'))");
                    table.CheckConstraint("ck_spectra_exactly_one_owner", "(CASE WHEN owner_fluor_id IS NULL THEN 0 ELSE 1 END + CASE WHEN owner_filter_id IS NULL THEN 0 ELSE 1 END + CASE WHEN owner_light_id IS NULL THEN 0 ELSE 1 END + CASE WHEN owner_camera_id IS NULL THEN 0 ELSE 1 END) = 1");
                    table.CheckConstraint("ck_spectra_wave_range", "max_wave >= min_wave");
                    table.ForeignKey(
                        name: "fk_spectra_cameras_owner_camera_id",
                        column: x => x.owner_camera_id,
                        principalTable: "cameras",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_spectra_filters_owner_filter_id",
                        column: x => x.owner_filter_id,
                        principalTable: "filters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_spectra_fluor_states_owner_fluor_id",
                        column: x => x.owner_fluor_id,
                        principalTable: "fluor_states",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_spectra_lights_owner_light_id",
                        column: x => x.owner_light_id,
                        principalTable: "lights",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_spectra_references_reference_id",
                        column: x => x.reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "lineages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    protein_id = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    root_node_id = table.Column<int>(type: "integer", nullable: true),
                    mutation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    reference_id = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lineages", x => x.id);
                    table.ForeignKey(
                        name: "fk_lineages_lineages_parent_id",
                        column: x => x.parent_id,
                        principalTable: "lineages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_lineages_lineages_root_node_id",
                        column: x => x.root_node_id,
                        principalTable: "lineages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_lineages_proteins_protein_id",
                        column: x => x.protein_id,
                        principalTable: "proteins",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lineages_references_reference_id",
                        column: x => x.reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "oser_measurements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    percent = table.Column<double>(type: "double precision", nullable: true),
                    percent_stddev = table.Column<double>(type: "double precision", nullable: true),
                    percent_ncells = table.Column<int>(type: "integer", nullable: true),
                    oserne = table.Column<double>(type: "double precision", nullable: true),
                    oserne_stddev = table.Column<double>(type: "double precision", nullable: true),
                    oserne_ncells = table.Column<int>(type: "integer", nullable: true),
                    celltype = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    temp = table.Column<double>(type: "double precision", nullable: true),
                    protein_id = table.Column<int>(type: "integer", nullable: false),
                    reference_id = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_oser_measurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_oser_measurements_proteins_protein_id",
                        column: x => x.protein_id,
                        principalTable: "proteins",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_oser_measurements_references_reference_id",
                        column: x => x.reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "protein_references",
                columns: table => new
                {
                    protein_id = table.Column<int>(type: "integer", nullable: false),
                    reference_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protein_references", x => new { x.protein_id, x.reference_id });
                    table.ForeignKey(
                        name: "fk_protein_references_proteins_protein_id",
                        column: x => x.protein_id,
                        principalTable: "proteins",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_protein_references_references_reference_id",
                        column: x => x.reference_id,
                        principalTable: "references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "state_transitions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    trans_wave = table.Column<int>(type: "integer", nullable: true),
                    protein_id = table.Column<int>(type: "integer", nullable: false),
                    from_state_id = table.Column<int>(type: "integer", nullable: false),
                    to_state_id = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    modified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_state_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_state_transitions_fluor_states_from_state_id",
                        column: x => x.from_state_id,
                        principalTable: "fluor_states",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_state_transitions_fluor_states_to_state_id",
                        column: x => x.to_state_id,
                        principalTable: "fluor_states",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_state_transitions_proteins_protein_id",
                        column: x => x.protein_id,
                        principalTable: "proteins",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_authors_family_name_initials",
                table: "authors",
                columns: new[] { "family_name", "initials" });

            migrationBuilder.CreateIndex(
                name: "ix_bleach_measurements_reference_id",
                table: "bleach_measurements",
                column: "reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_bleach_measurements_state_id",
                table: "bleach_measurements",
                column: "state_id");

            migrationBuilder.CreateIndex(
                name: "ix_cameras_slug",
                table: "cameras",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dyes_primary_reference_id",
                table: "dyes",
                column: "primary_reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_dyes_slug",
                table: "dyes",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_excerpt_proteins_protein_id",
                table: "excerpt_proteins",
                column: "protein_id");

            migrationBuilder.CreateIndex(
                name: "ix_excerpts_reference_id",
                table: "excerpts",
                column: "reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_filter_placements_config_id",
                table: "filter_placements",
                column: "config_id");

            migrationBuilder.CreateIndex(
                name: "ix_filter_placements_filter_id",
                table: "filter_placements",
                column: "filter_id");

            migrationBuilder.CreateIndex(
                name: "ix_filters_bandcenter",
                table: "filters",
                column: "bandcenter");

            migrationBuilder.CreateIndex(
                name: "ix_filters_slug",
                table: "filters",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fluor_states_dye_id",
                table: "fluor_states",
                column: "dye_id");

            migrationBuilder.CreateIndex(
                name: "ix_fluor_states_em_max",
                table: "fluor_states",
                column: "em_max");

            migrationBuilder.CreateIndex(
                name: "ix_fluor_states_ex_max",
                table: "fluor_states",
                column: "ex_max");

            migrationBuilder.CreateIndex(
                name: "ix_fluor_states_owner_name",
                table: "fluor_states",
                column: "owner_name");

            migrationBuilder.CreateIndex(
                name: "ix_fluor_states_protein_id",
                table: "fluor_states",
                column: "protein_id");

            migrationBuilder.CreateIndex(
                name: "ix_fluor_states_slug",
                table: "fluor_states",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lights_slug",
                table: "lights",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lineages_parent_id",
                table: "lineages",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_lineages_protein_id",
                table: "lineages",
                column: "protein_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lineages_reference_id",
                table: "lineages",
                column: "reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_lineages_root_node_id",
                table: "lineages",
                column: "root_node_id");

            migrationBuilder.CreateIndex(
                name: "ix_microscope_extra_cameras_microscope_id",
                table: "microscope_extra_cameras",
                column: "microscope_id");

            migrationBuilder.CreateIndex(
                name: "ix_microscope_extra_lights_microscope_id",
                table: "microscope_extra_lights",
                column: "microscope_id");

            migrationBuilder.CreateIndex(
                name: "ix_optical_configs_camera_id",
                table: "optical_configs",
                column: "camera_id");

            migrationBuilder.CreateIndex(
                name: "ix_optical_configs_light_id",
                table: "optical_configs",
                column: "light_id");

            migrationBuilder.CreateIndex(
                name: "ix_optical_configs_microscope_id",
                table: "optical_configs",
                column: "microscope_id");

            migrationBuilder.CreateIndex(
                name: "ix_oser_measurements_protein_id",
                table: "oser_measurements",
                column: "protein_id");

            migrationBuilder.CreateIndex(
                name: "ix_oser_measurements_reference_id",
                table: "oser_measurements",
                column: "reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_protein_references_reference_id",
                table: "protein_references",
                column: "reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_proteins_default_state_id",
                table: "proteins",
                column: "default_state_id");

            migrationBuilder.CreateIndex(
                name: "ix_proteins_name",
                table: "proteins",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_proteins_parent_organism_id",
                table: "proteins",
                column: "parent_organism_id");

            migrationBuilder.CreateIndex(
                name: "ix_proteins_primary_reference_id",
                table: "proteins",
                column: "primary_reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_proteins_slug",
                table: "proteins",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proteins_status",
                table: "proteins",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_proteins_uuid",
                table: "proteins",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reference_authors_author_id",
                table: "reference_authors",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_references_doi",
                table: "references",
                column: "doi",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resource_version_outbox_created_at_ms",
                table: "resource_version_outbox",
                column: "created_at_ms");

            migrationBuilder.CreateIndex(
                name: "ix_spectra_owner_camera_id",
                table: "spectra",
                column: "owner_camera_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spectra_owner_filter_id",
                table: "spectra",
                column: "owner_filter_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spectra_owner_fluor_id_status",
                table: "spectra",
                columns: new[] { "owner_fluor_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_spectra_owner_light_id",
                table: "spectra",
                column: "owner_light_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spectra_reference_id",
                table: "spectra",
                column: "reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_spectra_status",
                table: "spectra",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_state_transitions_from_state_id",
                table: "state_transitions",
                column: "from_state_id");

            migrationBuilder.CreateIndex(
                name: "ix_state_transitions_protein_id",
                table: "state_transitions",
                column: "protein_id");

            migrationBuilder.CreateIndex(
                name: "ix_state_transitions_to_state_id",
                table: "state_transitions",
                column: "to_state_id");

            migrationBuilder.AddForeignKey(
                name: "fk_bleach_measurements_fluor_states_state_id",
                table: "bleach_measurements",
                column: "state_id",
                principalTable: "fluor_states",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_excerpt_proteins_proteins_protein_id",
                table: "excerpt_proteins",
                column: "protein_id",
                principalTable: "proteins",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_fluor_states_proteins_protein_id",
                table: "fluor_states",
                column: "protein_id",
                principalTable: "proteins",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_proteins_fluor_states_default_state_id",
                table: "proteins");

            migrationBuilder.DropTable(
                name: "bleach_measurements");

            migrationBuilder.DropTable(
                name: "excerpt_proteins");

            migrationBuilder.DropTable(
                name: "filter_placements");

            migrationBuilder.DropTable(
                name: "lineages");

            migrationBuilder.DropTable(
                name: "microscope_extra_cameras");

            migrationBuilder.DropTable(
                name: "microscope_extra_lights");

            migrationBuilder.DropTable(
                name: "oser_measurements");

            migrationBuilder.DropTable(
                name: "protein_references");

            migrationBuilder.DropTable(
                name: "reference_authors");

            migrationBuilder.DropTable(
                name: "resource_version_outbox");

            migrationBuilder.DropTable(
                name: "spectra");

            migrationBuilder.DropTable(
                name: "state_transitions");

            migrationBuilder.DropTable(
                name: "excerpts");

            migrationBuilder.DropTable(
                name: "optical_configs");

            migrationBuilder.DropTable(
                name: "authors");

            migrationBuilder.DropTable(
                name: "filters");

            migrationBuilder.DropTable(
                name: "cameras");

            migrationBuilder.DropTable(
                name: "lights");

            migrationBuilder.DropTable(
                name: "microscopes");

            migrationBuilder.DropTable(
                name: "fluor_states");

            migrationBuilder.DropTable(
                name: "dyes");

            migrationBuilder.DropTable(
                name: "proteins");

            migrationBuilder.DropTable(
                name: "organisms");

            migrationBuilder.DropTable(
                name: "references");
        }
    }
}
