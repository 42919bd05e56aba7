using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Chat.Model;

namespace Portal.Web.Features.Chat;

// The desk's side: presence, the queue, accepting, declining, transferring, notes and wrap-up.
public sealed partial class ChatService
{
    internal const string AgentsTeam = "Agents";

    public async Task SetPresenceAsync(Actor actor, AgentPresence presence, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        if (!Enum.IsDefined(presence))
        {
            throw new ChatException(ChatErrors.Invalid, "Unknown presence.");
        }

        var settings = await SettingsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var userId = actor.UserId!;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var updated = await db.Set<DeskPresence>().Where(p => p.UserId == userId).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Presence, presence).SetProperty(p => p.Name, actor.Name).SetProperty(p => p.IsSpecialist, actor.IsInRole(Roles.Specialist))
                .SetProperty(p => p.LastSeenAt, now).SetProperty(p => p.UpdatedAt, now), cancellationToken);
            if (updated == 0)
            {
                db.Add(new DeskPresence
                {
                    UserId = userId, Name = actor.Name, IsSpecialist = actor.IsInRole(Roles.Specialist), Presence = presence,
                    Capacity = settings.DefaultCapacity, LastSeenAt = now, UpdatedAt = now,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException ex) when (IsUniqueViolation(ex) && attempt < 3)
                {
                    // Another connection of the same user inserted the row first: update it.
                    continue;
                }
            }

            break;
        }

        if (presence != AgentPresence.Online)
        {
            // Offers waiting for someone who stepped away go back to the queue at once.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var offered = await db.Set<Conversation>().AsNoTracking()
                .Where(c => c.State == ConversationState.Offered && c.OfferedToUserId == userId).Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var id in offered)
            {
                await ReturnOfferAsync(id, userId, cancellationToken);
            }
        }

        await RouteWaitingAsync(cancellationToken);
        await PublishQueueAsync(cancellationToken);
    }

    public async Task<DeskStatus> GetDeskStatusAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        var userId = actor.UserId!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<DeskPresence>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var open = await OpenChatsOfAsync(db, userId, cancellationToken);
        return new(row?.Presence ?? AgentPresence.Offline, row?.Capacity ?? (await SettingsAsync(cancellationToken)).DefaultCapacity, open);
    }

    /// <summary>
    /// Takes the chat: a queued one (for the specialists after a team transfer: specialists only) or one offered to the
    /// caller. One conditional update decides: of two agents on any instances exactly one gets it, the other
    /// <see cref="ChatErrors.Taken"/>; beyond the caller's capacity it is <see cref="ChatErrors.AtCapacity"/>.
    /// </summary>
    public async Task<ChatTicket> AcceptAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        var userId = actor.UserId!;
        var specialist = actor.IsInRole(Roles.Specialist);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var before = await FindAsync(db, conversationId, cancellationToken) ?? throw NotFound();
        if (before.RequiredTeam == ChatTeams.Specialists && !specialist && before.AgentUserId != userId)
        {
            throw NotFound();
        }

        var capacity = (await db.Set<DeskPresence>().AsNoTracking().Where(p => p.UserId == userId).Select(p => (int?)p.Capacity)
            .SingleOrDefaultAsync(cancellationToken)) ?? (await SettingsAsync(cancellationToken)).DefaultCapacity;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var won = await db.Set<Conversation>()
            .Where(c => c.Id == before.Id
                && ((c.State == ConversationState.Queued && (c.RequiredTeam == null || specialist))
                    || (c.State == ConversationState.Offered && c.OfferedToUserId == userId))
                && db.Set<Conversation>().Count(o => o.AgentUserId == userId && o.State == ConversationState.Active) < capacity)
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.State, ConversationState.Active).SetProperty(c => c.AgentUserId, userId).SetProperty(c => c.AgentName, actor.Name)
                .SetProperty(c => c.AcceptedAt, c => c.AcceptedAt ?? now).SetProperty(c => c.OfferedToUserId, (string?)null)
                .SetProperty(c => c.OfferedToName, (string?)null).SetProperty(c => c.OfferedAt, (DateTimeOffset?)null)
                .SetProperty(c => c.OfferReason, (OfferReason?)null).SetProperty(c => c.RequiredTeam, (string?)null)
                .SetProperty(c => c.LastActivityAt, now).SetProperty(c => c.IdleWarnedAt, (DateTimeOffset?)null)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (won == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var after = await FindAsync(db, conversationId, cancellationToken) ?? throw NotFound();
            if (after.AgentUserId == userId && after.State == ConversationState.Active)
            {
                return await TicketAsync(db, after, forDesk: true, cancellationToken);
            }

            if (!IsOpen(after.State))
            {
                throw Closed();
            }

            if (IsWaiting(after.State) && (after.State == ConversationState.Queued || after.OfferedToUserId == userId))
            {
                throw new ChatException(ChatErrors.AtCapacity, $"You already have {capacity} chats open.");
            }

            throw new ChatException(ChatErrors.Taken, "Someone else has this chat.");
        }

        await db.Set<DeskPresence>().Where(p => p.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.LastAssignedAt, now), cancellationToken);
        audit.Add(db, actor, AuditActions.ChatAccepted, Subject(before.Id), before.TransferCount > 0 ? "after a transfer" : null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var accepted = await FindAsync(db, before.Id, cancellationToken) ?? throw NotFound();
        var assigned = new ChatEvent(ChatEventKind.Assigned, accepted.Id, Assigned: new AssignedEvent(accepted.Id, actor.Name));
        await publisher.ToUsersAsync([accepted.InvestorUserId, userId], accepted.Id, assigned);
        await PublishQueueAsync(cancellationToken);
        return await TicketAsync(db, accepted, forDesk: true, cancellationToken);
    }

    /// <summary>Lets an offer go: the chat goes back to the queue at its old place.</summary>
    public async Task DeclineAsync(Actor actor, string conversationId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        if (!await ReturnOfferAsync(conversationId, actor.UserId!, cancellationToken))
        {
            throw NotFound();
        }

        await RouteWaitingAsync(cancellationToken);
        await PublishQueueAsync(cancellationToken);
    }

    /// <summary>
    /// Hands the caller's active chat to a colleague (offered to them, with the note) or to the specialists (queued for
    /// them; each Online specialist is offered it). If nobody takes it, it goes back to the queue at its old place.
    /// </summary>
    public async Task TransferAsync(Actor actor, TransferRequest request, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        var userId = actor.UserId!;
        var toUser = string.IsNullOrWhiteSpace(request.ToUserId) ? null : request.ToUserId.Trim();
        var toTeam = string.IsNullOrWhiteSpace(request.ToTeam) ? null : request.ToTeam.Trim();
        if ((toUser is null) == (toTeam is null) || (toTeam is not null && toTeam != ChatTeams.Specialists) || toUser == userId)
        {
            throw new ChatException(ChatErrors.Invalid, $"Transfer to one colleague or to the {ChatTeams.Specialists} team.");
        }

        var note = request.Note?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        if (note?.Length > ChatLimits.MaxText)
        {
            throw new ChatException(ChatErrors.TooLong, $"A note is at most {ChatLimits.MaxText} characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ParticipantAsync(db, actor, request.ConversationId, cancellationToken);
        if (access != Access.Agent)
        {
            throw NotFound();
        }

        if (conversation.State != ConversationState.Active)
        {
            throw Closed();
        }

        DeskPresence? target = null;
        if (toUser is not null)
        {
            target = await db.Set<DeskPresence>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == toUser, cancellationToken)
                ?? throw new ChatException(ChatErrors.Invalid, "No such colleague on the desk.");
        }

        var now = clock.GetUtcNow();
        var state = target is null ? ConversationState.Queued : ConversationState.Offered;
        var offeredTo = target?.UserId;
        var offeredName = target?.Name;
        DateTimeOffset? offeredAt = target is null ? null : now;
        OfferReason? reason = target is null ? null : OfferReason.Transfer;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Set<Conversation>()
            .Where(c => c.Id == conversation.Id && c.State == ConversationState.Active && c.AgentUserId == userId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.State, state).SetProperty(c => c.AgentUserId, (string?)null).SetProperty(c => c.AgentName, (string?)null)
                .SetProperty(c => c.OfferedToUserId, offeredTo).SetProperty(c => c.OfferedToName, offeredName)
                .SetProperty(c => c.OfferedAt, offeredAt).SetProperty(c => c.OfferReason, reason)
                .SetProperty(c => c.RequiredTeam, toTeam).SetProperty(c => c.OfferNote, note).SetProperty(c => c.DeclinedByUserId, userId)
                .SetProperty(c => c.TransferCount, c => c.TransferCount + 1).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (moved == 0)
        {
            throw Closed();
        }

        db.Add(new ConversationTransfer { ConversationId = conversation.Id, FromUserId = userId, ToUserId = toUser, ToTeam = toTeam, Note = note, At = now });
        if (note is not null)
        {
            db.Add(new ConversationNote { ConversationId = conversation.Id, AuthorUserId = userId, AuthorName = actor.Name, Text = note, At = now, IsTransferNote = true });
        }

        audit.Add(db, actor, AuditActions.ChatTransferred, Subject(conversation.Id), toTeam ?? ("user:" + toUser));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var moving = await FindAsync(db, conversation.Id, cancellationToken) ?? throw NotFound();
        var ticket = await TicketAsync(db, moving, forDesk: true, cancellationToken);
        var receivers = target is not null
            ? [target.UserId]
            : await db.Set<DeskPresence>().AsNoTracking().Where(p => p.IsSpecialist && p.Presence == AgentPresence.Online && p.UserId != userId)
                .Select(p => p.UserId).ToListAsync(cancellationToken);
        await publisher.ToUsersAsync(receivers, null, new ChatEvent(ChatEventKind.Offered, moving.Id, Offered: ticket));
        await RouteWaitingAsync(cancellationToken);
        await PublishQueueAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QueueEntry>> GetQueueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskAndSupervisors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await QueueSnapshot.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
        return [.. snapshot.Order.Select(c => new QueueEntry(c.Id, c.Tier, c.Topic, c.QueuedAt, c.OfferedToName))];
    }

    public async Task<IReadOnlyList<DeskColleague>> GetTransferTargetsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await QueueSnapshot.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
        return [.. Colleagues(snapshot).Where(c => c.UserId != actor.UserId)];
    }

    public async Task AddNoteAsync(Actor actor, string conversationId, string text, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        var note = CheckText(text, required: true)!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ParticipantAsync(db, actor, conversationId, cancellationToken);
        if (access != Access.Agent)
        {
            throw NotFound();
        }

        db.Add(new ConversationNote { ConversationId = conversation.Id, AuthorUserId = actor.UserId!, AuthorName = actor.Name, Text = note, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records how the chat ended; an active chat is ended by it.</summary>
    public async Task WrapUpAsync(Actor actor, WrapUpRequest request, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(DeskRoles);
        if (!Enum.IsDefined(request.Disposition))
        {
            throw new ChatException(ChatErrors.Invalid, "Unknown disposition.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (conversation, access) = await ParticipantAsync(db, actor, request.ConversationId, cancellationToken);
        if (access != Access.Agent)
        {
            throw NotFound();
        }

        if (conversation.State == ConversationState.Active)
        {
            await EndAsync(actor, conversation.Id, cancellationToken);
        }

        var now = clock.GetUtcNow();
        await db.Set<Conversation>().Where(c => c.Id == conversation.Id && c.AgentUserId == actor.UserId && c.State >= ConversationState.Ended)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Disposition, request.Disposition)
                .SetProperty(c => c.ResolvedAtFirstContact, request.ResolvedAtFirstContact).SetProperty(c => c.WrappedUpAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
    }

    private static IEnumerable<DeskColleague> Colleagues(QueueSnapshot snapshot) =>
        snapshot.People.OrderBy(p => p.Row.Name, StringComparer.CurrentCulture)
            .Select(p => new DeskColleague(p.Row.UserId, p.Row.Name, p.Row.IsSpecialist ? ChatTeams.Specialists : AgentsTeam, p.Row.Presence, p.Open, p.Row.Capacity));

    private static Task<int> OpenChatsOfAsync(PortalDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Set<Conversation>().CountAsync(c => c.AgentUserId == userId && c.State == ConversationState.Active, cancellationToken);
}
