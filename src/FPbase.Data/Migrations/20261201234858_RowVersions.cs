using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FPbase.Data.Migrations
{
    /// <inheritdoc />
    public partial class RowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The concurrency tokens of the rows whose writes accept If-Match (IRowVersioned). Rows already there get
            // a random version each; afterwards the application sets it on every insert and update, so no default.
            foreach (var table in new[] { "proteins", "optical_configs", "microscopes" })
            {
                migrationBuilder.AddColumn<Guid>(
                    name: "version",
                    table: table,
                    type: "uuid",
                    nullable: false,
                    defaultValueSql: "gen_random_uuid()");
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN version DROP DEFAULT;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "proteins");

            migrationBuilder.DropColumn(
                name: "version",
                table: "optical_configs");

            migrationBuilder.DropColumn(
                name: "version",
                table: "microscopes");
        }
    }
}
