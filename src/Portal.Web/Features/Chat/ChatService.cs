using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Chat.Model;

namespace Portal.Web.Features.Chat;

/// <summary>
/// The chat: investors, the desk (agents and specialists) and supervisors call it, from the hub and from the pages.
/// Every method checks the actor's role and membership itself (not-yours is <see cref="ChatErrors.NotFound"/>);
/// refusals are <see cref="ChatException"/>s or <see cref="ActorForbiddenException"/>. Persist first, then publish.
/// A conversation changes only by conditional updates naming the state (and people) the change starts from, so of
/// two callers on any instances exactly one wins; messages take the conversation's next sequence in the same
/// transaction as that update, which holds the row until the commit (no gaps, no doubles).
/// </summary>
public sealed partial class ChatService(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    AuditTrail audit,
    SettingsStore settingsStore,
    ChatSetting chatSetting,
    BusinessCalendarProvider calendars,
    InvestorDirectory investors,
    ChatPublisher publisher,
    InvestorCases cases,
    ILogger<ChatService> logger)
{
    /// <summary>Who works the chat desk.</summary>
    public static readonly string[] DeskRoles = [Roles.Agent, Roles.Specialist];

    /// <summary>Everyone the chat serves; other roles are refused.</summary>
    private static readonly string[] ChatRoles = [Roles.Investor, Roles.Agent, Roles.Specialist, Roles.Supervisor];

    /// <summary>Who may write in a chat (supervisors read only).</summary>
    private static readonly string[] Writers = [Roles.Investor, Roles.Agent, Roles.Specialist];

    private static readonly string[] DeskAndSupervisors = [Roles.Agent, Roles.Specialist, Roles.Supervisor];

    private enum Access
    {
        None,
        Investor,
        Agent,
        Offered,
        Supervisor,
    }

    internal async Task<ChatSettings> SettingsAsync(CancellationToken cancellationToken) =>
        (await settingsStore.GetAsync(chatSetting, cancellationToken)).Value;

    private static ChatException NotFound() => new(ChatErrors.NotFound, "No such conversation.");

    private static ChatException Closed() => new(ChatErrors.Closed, "The chat has ended.");

    private static bool IsOpen(ConversationState state) => state < ConversationState.Ended;

    private static bool IsWaiting(ConversationState state) => state is ConversationState.Queued or ConversationState.Offered;

    private static ChatStatus StatusOf(ConversationState state) => state switch
    {
        ConversationState.Queued or ConversationState.Offered => ChatStatus.Queued,
        ConversationState.Active => ChatStatus.Active,
        _ => ChatStatus.Ended,
    };

    private static string NewConversationId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Subject(string conversationId) => "chat:" + conversationId;

    /// <summary>How the actor stands to a conversation; <see cref="Access.None"/> is "not found" to them.</summary>
    private static Access AccessOf(Actor actor, Conversation c)
    {
        if (actor.UserId is not { } userId)
        {
            return Access.None;
        }

        if (actor.IsInRole(Roles.Investor) && c.InvestorUserId == userId)
        {
            return Access.Investor;
        }

        if (actor.IsInAnyRole(DeskRoles))
        {
            if (c.AgentUserId == userId)
            {
                return Access.Agent;
            }

            if (c.OfferedToUserId == userId
                || (c.State == ConversationState.Queued && c.RequiredTeam == ChatTeams.Specialists && actor.IsInRole(Roles.Specialist)))
            {
                return Access.Offered;
            }
        }

        return actor.IsInRole(Roles.Supervisor) ? Access.Supervisor : Access.None;
    }

    /// <summary>The conversation as the actor may see it; throws not-found when it is not theirs to see.</summary>
    private static async Task<(Conversation Conversation, Access Access)> ReadableAsync(
        PortalDbContext db, Actor actor, string conversationId, CancellationToken cancellationToken)
    {
        actor.RequireRole(ChatRoles);
        var conversation = await FindAsync(db, conversationId, cancellationToken) ?? throw NotFound();
        var access = AccessOf(actor, conversation);
        return access == Access.None ? throw NotFound() : (conversation, access);
    }

    /// <summary>The conversation a participant writes to: supervisors (without a desk role) are forbidden, others' chats not found.</summary>
    private static async Task<(Conversation Conversation, Access Access)> ParticipantAsync(
        PortalDbContext db, Actor actor, string conversationId, CancellationToken cancellationToken)
    {
        actor.RequireRole(Writers);
        var (conversation, access) = await ReadableAsync(db, actor, conversationId, cancellationToken);
        return access is Access.Investor or Access.Agent ? (conversation, access) : throw NotFound();
    }

    private static Task<Conversation?> FindAsync(PortalDbContext db, string? conversationId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(conversationId) || conversationId.Length > Conversation.IdLength
            ? Task.FromResult<Conversation?>(null)
            : db.Set<Conversation>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);

    private static ChatMessage ToMessage(ConversationMessage m) =>
        new(m.ConversationId, m.Sequence, m.ClientMessageId, m.Sender, m.SenderName, m.Text, m.SentAt);

    /// <summary>
    /// The conversation as a client's ticket; the position and estimate are filled in while it waits. The transfer note is
    /// internal: only the desk's tickets carry it.
    /// </summary>
    private async Task<ChatTicket> TicketAsync(PortalDbContext db, Conversation c, bool forDesk, CancellationToken cancellationToken)
    {
        int? position = null;
        int? estimate = null;
        if (IsWaiting(c.State))
        {
            var snapshot = await QueueSnapshot.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
            if (snapshot.PlaceOf(c.Id) is { } place)
            {
                (position, estimate) = (place.Position, place.EstimatedWaitSeconds);
            }
        }

        return new(c.Id, StatusOf(c.State), c.Topic, position, estimate, c.AgentName, forDesk ? c.OfferNote : null, null);
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own on a fresh context, committing when it returns.</summary>
    private async Task<T> InTransactionAsync<T>(Func<PortalDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}
