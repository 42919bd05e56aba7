using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Booking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdviserProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Bio = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Languages = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Specialties = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Hours = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BufferBeforeMinutes = table.Column<int>(type: "integer", nullable: false),
                    BufferAfterMinutes = table.Column<int>(type: "integer", nullable: false),
                    MinimumNoticeHours = table.Column<int>(type: "integer", nullable: false),
                    HorizonDays = table.Column<int>(type: "integer", nullable: false),
                    DailyCap = table.Column<int>(type: "integer", nullable: false),
                    HasPhoto = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdviserProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdviserExceptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdviserId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DayOff = table.Column<bool>(type: "boolean", nullable: false),
                    From = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    To = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdviserExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdviserExceptions_AdviserProfiles_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "AdviserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdviserMeetingTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdviserId = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdviserMeetingTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdviserMeetingTypes_AdviserProfiles_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "AdviserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdviserPhotos",
                columns: table => new
                {
                    AdviserId = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdviserPhotos", x => x.AdviserId);
                    table.ForeignKey(
                        name: "FK_AdviserPhotos_AdviserProfiles_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "AdviserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdviserId = table.Column<int>(type: "integer", nullable: false),
                    InvestorId = table.Column<int>(type: "integer", nullable: false),
                    InvestorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InvestorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InvestorAccountNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InvestorTier = table.Column<int>(type: "integer", nullable: false),
                    MeetingTypeId = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Questions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CustomReportRequest = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SharedSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PrivateNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reminder24hSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reminder1hSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_AdviserProfiles_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "AdviserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdviserExceptions_AdviserId_Date",
                table: "AdviserExceptions",
                columns: new[] { "AdviserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AdviserMeetingTypes_AdviserId_Mode_Minutes",
                table: "AdviserMeetingTypes",
                columns: new[] { "AdviserId", "Mode", "Minutes" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdviserProfiles_UserId",
                table: "AdviserProfiles",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_AdviserId_StartUtc",
                table: "Appointments",
                columns: new[] { "AdviserId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_InvestorId_RequestId",
                table: "Appointments",
                columns: new[] { "InvestorId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_InvestorId_StartUtc",
                table: "Appointments",
                columns: new[] { "InvestorId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Status_StartUtc",
                table: "Appointments",
                columns: new[] { "Status", "StartUtc" });

            // No double booking, ever: two Requested (0) or Confirmed (1) appointments of one adviser may not overlap,
            // buffers included. The loser of a race gets 23P01 (exclusion_violation), which the service answers SlotTaken.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql(
                "ALTER TABLE \"Appointments\" ADD CONSTRAINT \"EX_Appointments_AdviserTime\" EXCLUDE USING gist " +
                "(\"AdviserId\" WITH =, tstzrange(\"BlockedFrom\", \"BlockedTo\") WITH &&) WHERE (\"Status\" IN (0, 1));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Appointments\" DROP CONSTRAINT IF EXISTS \"EX_Appointments_AdviserTime\";");

            migrationBuilder.DropTable(
                name: "AdviserExceptions");

            migrationBuilder.DropTable(
                name: "AdviserMeetingTypes");

            migrationBuilder.DropTable(
                name: "AdviserPhotos");

            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "AdviserProfiles");
        }
    }
}
