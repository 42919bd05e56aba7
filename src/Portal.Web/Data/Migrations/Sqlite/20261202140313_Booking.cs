using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Bio = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Specialties = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BufferBeforeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferAfterMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumNoticeHours = table.Column<int>(type: "INTEGER", nullable: false),
                    HorizonDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyCap = table.Column<int>(type: "INTEGER", nullable: false),
                    HasPhoto = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdviserProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdviserExceptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdviserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DayOff = table.Column<bool>(type: "INTEGER", nullable: false),
                    From = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    To = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdviserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    AdviserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdviserId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InvestorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InvestorAccountNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InvestorTier = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    EndUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Questions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CustomReportRequest = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SharedSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PrivateNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reminder24hSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reminder1hSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
