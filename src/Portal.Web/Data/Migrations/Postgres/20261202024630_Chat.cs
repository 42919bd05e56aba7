using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Chat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatCannedResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Shortcut = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatCannedResponses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChatConversations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    InvestorId = table.Column<int>(type: "integer", nullable: false),
                    InvestorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InvestorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    AgentUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AgentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OfferedToUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OfferedToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OfferReason = table.Column<int>(type: "integer", nullable: true),
                    RequiredTeam = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OfferNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeclinedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AdviserUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstOfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstAgentReplyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<int>(type: "integer", nullable: true),
                    InvestorReadUpTo = table.Column<long>(type: "bigint", nullable: false),
                    AgentReadUpTo = table.Column<long>(type: "bigint", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IdleWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TransferCount = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Disposition = table.Column<int>(type: "integer", nullable: true),
                    ResolvedAtFirstContact = table.Column<bool>(type: "boolean", nullable: true),
                    WrappedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChatDeskPresence",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsSpecialist = table.Column<bool>(type: "boolean", nullable: false),
                    Presence = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatDeskPresence", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "ChatOfflineMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InvestorId = table.Column<int>(type: "integer", nullable: false),
                    InvestorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpectedAnswerBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatOfflineMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChatMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    ClientMessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sender = table.Column<int>(type: "integer", nullable: false),
                    SenderUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SenderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatMessages_ChatConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "ChatConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChatNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsTransferNote = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatNotes_ChatConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "ChatConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChatTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    FromUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ToUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ToTeam = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatTransfers_ChatConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "ChatConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatCannedResponses_Culture_Shortcut",
                table: "ChatCannedResponses",
                columns: new[] { "Culture", "Shortcut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_AgentUserId_State",
                table: "ChatConversations",
                columns: new[] { "AgentUserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_InvestorId_QueuedAt",
                table: "ChatConversations",
                columns: new[] { "InvestorId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_OpenPerInvestor",
                table: "ChatConversations",
                column: "InvestorId",
                unique: true,
                filter: "\"State\" < 3");

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_QueuedAt",
                table: "ChatConversations",
                column: "QueuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_State_QueuedAt",
                table: "ChatConversations",
                columns: new[] { "State", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatDeskPresence_Presence_LastSeenAt",
                table: "ChatDeskPresence",
                columns: new[] { "Presence", "LastSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_ConversationId_ClientMessageId",
                table: "ChatMessages",
                columns: new[] { "ConversationId", "ClientMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_ConversationId_Sequence",
                table: "ChatMessages",
                columns: new[] { "ConversationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatNotes_ConversationId_At",
                table: "ChatNotes",
                columns: new[] { "ConversationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatOfflineMessages_InvestorId_CreatedAt",
                table: "ChatOfflineMessages",
                columns: new[] { "InvestorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatOfflineMessages_Reference",
                table: "ChatOfflineMessages",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatTransfers_ConversationId_At",
                table: "ChatTransfers",
                columns: new[] { "ConversationId", "At" });

            // Messages are immutable once sent: no update or delete path in the app, and none in the database either.
            migrationBuilder.Sql("""
                CREATE FUNCTION chat_messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'chat messages are immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER chat_messages_no_update_or_delete BEFORE UPDATE OR DELETE ON "ChatMessages"
                    FOR EACH ROW EXECUTE FUNCTION chat_messages_immutable();
                CREATE TRIGGER chat_messages_no_truncate BEFORE TRUNCATE ON "ChatMessages"
                    FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatCannedResponses");

            migrationBuilder.DropTable(
                name: "ChatDeskPresence");

            migrationBuilder.DropTable(
                name: "ChatMessages");

            migrationBuilder.DropTable(
                name: "ChatNotes");

            migrationBuilder.DropTable(
                name: "ChatOfflineMessages");

            migrationBuilder.DropTable(
                name: "ChatTransfers");

            migrationBuilder.DropTable(
                name: "ChatConversations");
            migrationBuilder.Sql("DROP FUNCTION chat_messages_immutable();");
        }
    }
}
