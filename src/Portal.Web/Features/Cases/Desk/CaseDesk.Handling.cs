using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

// Who holds a case: picking it up, handing it over, escalating it.
public sealed partial class CaseDesk
{
    /// <summary>
    /// Takes an unowned case. One conditional update decides (owner still empty, in the WHERE): of two staff on any
    /// instances exactly one gets it; the other is told who was quicker (<see cref="CaseError.Taken"/>).
    /// </summary>
    public async Task PickUpAsync(Actor actor, string reference, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var before = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken) ?? throw store.NotFound();
        if (before.OwnerUserId == actor.UserId)
        {
            return;
        }

        if (before.OwnerUserId is null && !CanPickUp(actor, before))
        {
            throw store.NotAllowed(CaseTransitions.IsActive(before.Status) ? "Error.SpecialistsOnly" : "Error.NotOpen");
        }

        var userId = actor.UserId!;
        var now = store.Now();
        var team = CaseStore.TeamOf(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var won = await db.Set<Case>()
            .Where(c => c.Id == before.Id && c.OwnerUserId == null && Active.Contains(c.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.OwnerUserId, userId).SetProperty(c => c.OwnerName, actor.Name).SetProperty(c => c.Team, team)
                .SetProperty(c => c.Status, c => c.Status == CaseStatus.New ? CaseStatus.Open : c.Status)
                .SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (won != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            var winner = await db.Set<Case>().AsNoTracking().Where(c => c.Id == before.Id).Select(c => c.OwnerName).SingleOrDefaultAsync(cancellationToken);
            throw new CaseException(CaseError.Taken, store.Text["Error.Taken", winner ?? "?"]);
        }

        var found = await db.Set<Case>().SingleAsync(c => c.Id == before.Id, cancellationToken);
        if (before.Status != found.Status)
        {
            CaseStore.AddEvent(db, found, CaseTimelineKind.StatusChanged, actor, now, from: before.Status, to: found.Status);
        }

        CaseStore.AddEvent(db, found, CaseTimelineKind.Assigned, actor, now, actor.Name);
        store.Audit.Add(db, actor, AuditActions.CasePickedUp, CaseStore.Subject(found.Reference));
        store.NotifyAssigned(db, found);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await store.PublishAsync(found, CaseChangeKind.Assigned, cancellationToken);
    }

    /// <summary>Hands the case to a person (who then owns it) or to a team (unowned until someone there picks it up), recording who and why; only the owner or a supervisor.</summary>
    public async Task AssignAsync(Actor actor, string reference, string? toUserId, StaffTeam? toTeam, string reason, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var why = store.CheckText(errors, "Reason", reason, CaseLimits.MaxReason);
        DeskMember? person = null;
        if (string.IsNullOrWhiteSpace(toUserId) == toTeam is null)
        {
            errors["Target"] = store.Text["Error.AssignTarget"];
        }
        else if (toUserId is not null)
        {
            person = (await accounts.ListDeskMembersAsync(actor, cancellationToken)).FirstOrDefault(m => m.UserId == toUserId);
            if (person is null)
            {
                errors["Target"] = store.Text["Error.AssignTarget"];
            }
        }
        else if (toTeam is not (StaffTeam.InboundTier1 or StaffTeam.InboundTier2))
        {
            errors["Target"] = store.Text["Error.AssignTarget"];
        }

        CaseStore.ThrowIfInvalid(errors);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await LoadForChangeAsync(db, actor, reference, version, cancellationToken);
        var now = store.Now();
        db.Add(new CaseHandover
        {
            Case = found, FromUserId = found.OwnerUserId, FromName = found.OwnerName, ToUserId = person?.UserId, ToName = person?.DisplayName,
            ToTeam = person?.Team ?? toTeam, Reason = why!, ByUserId = actor.UserId ?? "", ByName = actor.Name, At = now,
        });
        CaseStore.AddEvent(db, found, CaseTimelineKind.Handover, actor, now, why, isInternal: true);
        found.OwnerUserId = person?.UserId;
        found.OwnerName = person?.DisplayName;
        found.Team = person?.Team ?? toTeam;
        if (person is not null)
        {
            CaseStore.AddEvent(db, found, CaseTimelineKind.Assigned, actor, now, person.DisplayName);
            if (found.Status == CaseStatus.New)
            {
                CaseStore.AddEvent(db, found, CaseTimelineKind.StatusChanged, actor, now, from: found.Status, to: CaseStatus.Open);
                CaseStore.ApplyStatus(found, CaseStatus.Open, now, rules);
            }
        }

        store.Audit.Add(db, actor, AuditActions.CaseAssigned, CaseStore.Subject(found.Reference), $"to {person?.UserId ?? found.Team.ToString()}: {why}");
        store.NotifyAssigned(db, found);
        await store.SaveAsync(db, found, CaseChangeKind.Assigned, cancellationToken);
    }

    /// <summary>To the Specialists team (InboundTier2): unowned until a specialist picks it up; the escalating member of staff is kept.</summary>
    public async Task EscalateAsync(Actor actor, string reference, string reason, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var why = store.CheckText(errors, "Reason", reason, CaseLimits.MaxReason);
        CaseStore.ThrowIfInvalid(errors);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await LoadForChangeAsync(db, actor, reference, version, cancellationToken);
        if (!CaseTransitions.IsActive(found.Status) || found.Status == CaseStatus.Escalated)
        {
            throw store.NotAllowed("Error.CannotEscalate");
        }

        var now = store.Now();
        db.Add(new CaseHandover
        {
            Case = found, FromUserId = found.OwnerUserId, FromName = found.OwnerName, ToTeam = StaffTeam.InboundTier2, Reason = why!,
            ByUserId = actor.UserId ?? "", ByName = actor.Name, At = now,
        });
        CaseStore.AddEvent(db, found, CaseTimelineKind.Escalated, actor, now, why, found.Status, CaseStatus.Escalated);
        store.Audit.Add(db, actor, AuditActions.CaseEscalated, CaseStore.Subject(found.Reference), why);
        CaseStore.ApplyStatus(found, CaseStatus.Escalated, now, rules);
        found.OwnerUserId = null;
        found.OwnerName = null;
        found.Team = StaffTeam.InboundTier2;
        found.EscalatedByUserId = actor.UserId;
        found.EscalatedByName = actor.Name;
        store.NotifyStatusChanged(db, found);
        await store.SaveAsync(db, found, CaseChangeKind.StatusChanged, cancellationToken);
    }

    /// <summary>The case, tracked, when the actor may change it and has seen its latest version.</summary>
    private async Task<Case> LoadForChangeAsync(Data.PortalDbContext db, Actor actor, string reference, int version, CancellationToken cancellationToken)
    {
        var found = await store.LoadAsync(db, reference, cancellationToken);
        store.CheckVersion(found, version);
        return CanHandle(actor, found) ? found : throw store.NotAllowed(found.OwnerUserId is null ? "Error.PickUpFirst" : "Error.NotYours", found.OwnerName ?? "");
    }
}
