using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvestorTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Statements closed before this migration get the lowest tier until their month is closed again.
            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "MonthlyStatements",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Silver");

            migrationBuilder.AddColumn<DateOnly>(
                name: "TierMonth",
                table: "Investors",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TierOverridden",
                table: "Investors",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TierVersion",
                table: "Investors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Tier",
                table: "MonthlyStatements");

            migrationBuilder.DropColumn(
                name: "TierMonth",
                table: "Investors");

            migrationBuilder.DropColumn(
                name: "TierOverridden",
                table: "Investors");

            migrationBuilder.DropColumn(
                name: "TierVersion",
                table: "Investors");
        }
    }
}
