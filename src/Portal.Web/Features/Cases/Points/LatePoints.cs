using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

/// <summary>
/// Late-handling points: awarded automatically when a case is resolved past its due time (<see cref="LateHandlingRule"/>),
/// offset by supervisors with a reason. An agent sees their own; a supervisor everyone's.
/// </summary>
public sealed class LatePoints(CaseStore store, AccountDirectory accounts)
{
    /// <summary>The month's entries, newest first: an agent's own, or (supervisor) one agent's or, with null, everyone's.</summary>
    public async Task<IReadOnlyList<PointsEntry>> ListAsync(Actor actor, string? agentUserId, DateOnly month, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var supervisor = actor.IsInRole(Roles.Supervisor);
        if (!supervisor && agentUserId is not null && agentUserId != actor.UserId)
        {
            throw new ActorForbiddenException($"{actor.UserId} may only read their own points.");
        }

        var agent = supervisor ? agentUserId : actor.UserId;
        var first = new DateOnly(month.Year, month.Month, 1);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<CasePoints>().AsNoTracking().Where(p => p.Month == first);
        if (agent is not null)
        {
            rows = rows.Where(p => p.AgentUserId == agent);
        }

        return await rows.OrderByDescending(p => p.At).ThenByDescending(p => p.Id)
            .Select(p => new PointsEntry(p.Id, p.AgentUserId, p.AgentName, p.CaseReference, p.Points, p.Reason, p.MinutesOver, p.IsError, p.At, p.ByName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every desk member's points and errors in the month (0 for those without any), and anyone else who has points in it
    /// (who left the desk since), most points first (supervisor).
    /// </summary>
    public async Task<IReadOnlyList<PointsTotal>> TotalsAsync(Actor actor, DateOnly month, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Supervisor);
        var first = new DateOnly(month.Year, month.Month, 1);
        var members = await accounts.ListDeskMembersAsync(actor, cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<CasePoints>().AsNoTracking().Where(p => p.Month == first)
            .Select(p => new { p.AgentUserId, p.AgentName, p.Points, p.IsError }).ToListAsync(cancellationToken);
        var earned = rows.GroupBy(p => p.AgentUserId)
            .ToDictionary(g => g.Key, g => new PointsTotal(g.Key, g.First().AgentName, Math.Round(g.Sum(p => p.Points), 2), g.Count(p => p.IsError)), StringComparer.Ordinal);
        var desk = members.Select(m => earned.TryGetValue(m.UserId, out var total) ? total with { AgentName = m.DisplayName } : new PointsTotal(m.UserId, m.DisplayName, 0, 0));
        var formerly = earned.Values.Where(t => members.All(m => m.UserId != t.AgentUserId));
        return [.. desk.Concat(formerly).OrderByDescending(t => t.Points).ThenBy(t => t.AgentName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A supervisor takes off points (more than 0, at most <see cref="CaseLimits.MaxOffsetPoints"/>) for good conduct, with a
    /// reason, in <paramref name="month"/> (the month they are looking at: this one or an earlier one, never a later one); audited.
    /// </summary>
    public async Task OffsetAsync(Actor actor, string agentUserId, DateOnly month, double points, string reason, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Supervisor);
        var errors = new Dictionary<string, string>();
        var why = store.CheckText(errors, "Reason", reason, CaseLimits.MaxReason);
        if (double.IsNaN(points) || points <= 0 || points > CaseLimits.MaxOffsetPoints)
        {
            errors["Points"] = store.Text["Error.OffsetPoints", CaseLimits.MaxOffsetPoints];
        }

        var rules = await store.RulesAsync(cancellationToken);
        var now = store.Now();
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > CaseStore.MonthOf(rules, now))
        {
            errors["Month"] = store.Text["Error.OffsetMonth"];
        }

        var agent = (await accounts.ListDeskMembersAsync(actor, cancellationToken)).FirstOrDefault(m => m.UserId == agentUserId);
        if (agent is null)
        {
            errors["Agent"] = store.Text["Error.AssignTarget"];
        }

        CaseStore.ThrowIfInvalid(errors);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        db.Add(new CasePoints
        {
            AgentUserId = agent!.UserId, AgentName = agent.DisplayName, Month = first, Points = -points, Reason = why!, At = now,
            ByUserId = actor.UserId, ByName = actor.Name,
        });
        store.Audit.Add(db, actor, AuditActions.CasePointsOffset, "user:" + agent.UserId, $"-{points.ToString(CultureInfo.InvariantCulture)} in {first.ToString("yyyy-MM", CultureInfo.InvariantCulture)}: {why}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
