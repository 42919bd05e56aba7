using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpectedAnswerBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InvestorId = table.Column<int>(type: "integer", nullable: false),
                    InvestorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false)
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
