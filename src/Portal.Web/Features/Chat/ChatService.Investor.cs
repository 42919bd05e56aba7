using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Chat.Model;
using Portal.Web.Features.Chat.Routing;

namespace Portal.Web.Features.Chat;

// The investor's side: availability, starting (or leaving an offline message) and rating.
public sealed partial class ChatService
{
    public async Task<ChatAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var online = await db.Set<DeskPresence>().CountAsync(p => p.Presence == AgentPresence.Online, cancellationToken);
        return OfflineDecision.Decide(online, await calendars.GetAsync(cancellationToken), clock.GetUtcNow());
    }

    /// <summary>
    /// Joins the queue (the text, if any, becomes message 1), or returns the investor's open chat. With no agent Online
    /// the text becomes a case for the desk and the ticket says <see cref="ChatStatus.Offline"/> with its reference.
    /// </summary>
    public async Task<ChatTicket> StartChatAsync(Actor actor, StartChatRequest request, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        if (!Enum.IsDefined(request.Topic))
        {
            throw new ChatException(ChatErrors.Invalid, "Unknown topic.");
        }

        var text = CheckText(request.Text, required: false);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await OpenChatOfAsync(db, investorId, cancellationToken) is { } open)
        {
            return await TicketAsync(db, open, forDesk: false, cancellationToken);
        }

        var availability = await GetAvailabilityAsync(cancellationToken);
        if (!availability.AgentsOnline)
        {
            return await LeaveOfflineMessageAsync(actor, request.Topic, text, cancellationToken);
        }

        var profile = await investors.FindProfileAsync(db, actor, investorId, cancellationToken) ?? throw new ChatException(ChatErrors.NotFound, "No such investor.");
        var now = clock.GetUtcNow();
        var conversation = new Conversation
        {
            Id = NewConversationId(), InvestorId = investorId, InvestorUserId = actor.UserId!, InvestorName = profile.Name, Tier = profile.Tier,
            Topic = request.Topic, State = ConversationState.Queued, QueuedAt = now, LastActivityAt = now,
            AdviserUserId = await investors.FindAdviserUserIdAsync(db, actor, investorId, cancellationToken),
        };
        db.Add(conversation);
        if (text is not null)
        {
            conversation.LastSequence = 1;
            db.Add(new ConversationMessage
            {
                ConversationId = conversation.Id, Sequence = 1, ClientMessageId = "start", Sender = ChatParty.Investor, SenderUserId = actor.UserId,
                SenderName = profile.Name, Text = text, SentAt = now,
            });
        }

        audit.Add(db, actor, AuditActions.ChatStarted, Subject(conversation.Id), $"{request.Topic}, {profile.Tier}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Another tab or device started one at the same moment: theirs is the investor's chat.
            db.ChangeTracker.Clear();
            var theirs = await OpenChatOfAsync(db, investorId, cancellationToken) ?? throw new ChatException(ChatErrors.Invalid, "The chat could not be started.");
            return await TicketAsync(db, theirs, forDesk: false, cancellationToken);
        }

        await RouteAsync(conversation.Id, cancellationToken);
        await PublishQueueAsync(cancellationToken);
        await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TicketAsync(read, await FindAsync(read, conversation.Id, cancellationToken) ?? conversation, forDesk: false, cancellationToken);
    }

    public async Task RateAsync(Actor actor, RateRequest request, CancellationToken cancellationToken = default)
    {
        actor.RequireInvestor();
        if (request.Score is < ChatLimits.MinScore or > ChatLimits.MaxScore)
        {
            throw new ChatException(ChatErrors.Invalid, $"The score is {ChatLimits.MinScore} to {ChatLimits.MaxScore}.");
        }

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment?.Length > ChatLimits.MaxRatingComment)
        {
            throw new ChatException(ChatErrors.TooLong, $"A comment is at most {ChatLimits.MaxRatingComment} characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ReadableAsync(db, actor, request.ConversationId, cancellationToken);
        if (access != Access.Investor)
        {
            throw NotFound();
        }

        if (IsOpen(conversation.State))
        {
            throw new ChatException(ChatErrors.Invalid, "A chat is rated once it has ended.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<Conversation>().Where(c => c.Id == conversation.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Rating, request.Score).SetProperty(c => c.RatingComment, comment)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        audit.Add(db, actor, AuditActions.ChatRated, Subject(conversation.Id), request.Score.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task<Conversation?> OpenChatOfAsync(Data.PortalDbContext db, int investorId, CancellationToken cancellationToken) =>
        db.Set<Conversation>().AsNoTracking().Where(c => c.InvestorId == investorId && c.State < ConversationState.Ended)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The text trimmed; null when empty and not required. Throws invalid (empty) or too-long.</summary>
    private static string? CheckText(string? text, bool required)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return required ? throw new ChatException(ChatErrors.Invalid, "The text is empty.") : null;
        }

        return trimmed.Length > ChatLimits.MaxText
            ? throw new ChatException(ChatErrors.TooLong, $"A message is at most {ChatLimits.MaxText} characters.")
            : trimmed;
    }

    /// <summary>
    /// With nobody Online the text becomes a case for the desk (a complaint for the Complaints topic, otherwise a
    /// request); its reference is the ticket's. The same text on the same business day is one case (a second tap of
    /// the button, or a client that retries), as one form submission is.
    /// </summary>
    private async Task<ChatTicket> LeaveOfflineMessageAsync(Actor actor, ChatTopic topic, string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            throw new ChatException(ChatErrors.Invalid, "No agent is online: leave a message.");
        }

        var (kind, category) = topic switch
        {
            ChatTopic.Complaints => (CaseKind.Complaint, CaseCategory.Other),
            ChatTopic.Trading => (CaseKind.Request, CaseCategory.Trading),
            ChatTopic.Statements => (CaseKind.Request, CaseCategory.Statements),
            _ => (CaseKind.Request, CaseCategory.Other),
        };
        var day = (await calendars.GetAsync(cancellationToken)).DateOf(clock.GetUtcNow());
        var submission = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"chat-offline|{actor.UserId}|{topic}|{day:yyyy-MM-dd}|{text}")).AsSpan(0, 16));
        var created = await cases.LeaveChatMessageAsync(actor, kind, category, text, submission, cancellationToken);
        return new("", ChatStatus.Offline, topic, null, null, null, null, created.Reference);
    }
}
