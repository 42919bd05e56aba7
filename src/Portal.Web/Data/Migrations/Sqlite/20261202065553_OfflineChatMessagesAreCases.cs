using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfflineChatMessagesAreCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatOfflineMessages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatOfflineMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpectedAnswerBy = table.Column<long>(type: "INTEGER", nullable: false),
                    InvestorId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Topic = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatOfflineMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatOfflineMessages_InvestorId_CreatedAt",
                table: "ChatOfflineMessages",
                columns: new[] { "InvestorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatOfflineMessages_Reference",
                table: "ChatOfflineMessages",
                column: "Reference",
                unique: true);
        }
    }
}
