using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FPbase.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProteinViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "protein_views",
                columns: table => new
                {
                    protein_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protein_views", x => new { x.protein_id, x.day });
                    table.ForeignKey(
                        name: "fk_protein_views_proteins_protein_id",
                        column: x => x.protein_id,
                        principalTable: "proteins",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_protein_views_day",
                table: "protein_views",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protein_views");
        }
    }
}
