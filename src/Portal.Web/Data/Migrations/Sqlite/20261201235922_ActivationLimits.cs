using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivationLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "FailedAttempts",
                table: "ActivationCodes",
                newName: "Tries");

            migrationBuilder.CreateTable(
                name: "ActivationAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivationAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivationAttempts_AccountNumber_At",
                table: "ActivationAttempts",
                columns: new[] { "AccountNumber", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivationAttempts_Address_At",
                table: "ActivationAttempts",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivationAttempts_At",
                table: "ActivationAttempts",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivationAttempts");

            migrationBuilder.RenameColumn(
                name: "Tries",
                table: "ActivationCodes",
                newName: "FailedAttempts");
        }
    }
}
