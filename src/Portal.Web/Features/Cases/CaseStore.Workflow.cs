using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Features.Cases;

// How a case's status, clock and points change.
public sealed partial class CaseStore
{
    /// <summary>The resolution due time and, for a complaint, the first-response due time of a case starting at <paramref name="start"/>.</summary>
    public static (DateTimeOffset DueAt, DateTimeOffset? FirstResponseDueAt) DueTimes(
        CaseKind kind, RequestType? requestType, ClientTier tier, DateTimeOffset start, CaseRules rules)
    {
        var limits = rules.Limits;
        if (kind == CaseKind.Complaint)
        {
            return (SlaClock.DueAt(start, limits.ComplaintResolution.For(tier), limits.PromptlyMinutes, rules.Calendar),
                SlaClock.DueAt(start, limits.ComplaintFirstResponse.For(tier), limits.PromptlyMinutes, rules.Calendar));
        }

        var limit = limits.For(requestType ?? RequestType.Other).For(tier);
        return (SlaClock.DueAt(start, limit, limits.PromptlyMinutes, rules.Calendar), null);
    }

    /// <summary>
    /// Moves the case to <paramref name="to"/> and keeps its clock: leaving "waiting on the client" adds the pause's
    /// business minutes to the due time; entering it starts a pause; resolving, closing and withdrawing stop the clock.
    /// </summary>
    internal static void ApplyStatus(Case found, CaseStatus to, DateTimeOffset now, CaseRules rules)
    {
        if (found.PausedSince is { } since && to != CaseStatus.WaitingOnClient)
        {
            var paused = SlaClock.PausedMinutes(since, now, rules.Calendar);
            found.PausedBusinessMinutes += paused;
            found.DueAt = SlaClock.Extend(found.DueAt, paused, rules.Calendar);
            found.PausedSince = null;
        }

        switch (to)
        {
            case CaseStatus.WaitingOnClient:
                found.PausedSince ??= now;
                break;
            case CaseStatus.Resolved:
                found.ResolvedAt = now;
                break;
            case CaseStatus.Closed or CaseStatus.Withdrawn:
                found.ClosedAt = now;
                break;
            case CaseStatus.Open when found.Status is CaseStatus.Resolved:
                // Reopened: a fresh resolution limit from now, and a complaint needs a fresh review.
                found.ResolvedAt = null;
                found.ReviewerUserId = null;
                found.ReviewerName = null;
                found.ReviewedAt = null;
                found.DueAt = DueTimes(found.Kind, found.RequestType, found.Tier, now, rules).DueAt;
                break;
            default:
                break;
        }

        found.Status = to;
    }

    /// <summary>
    /// A case resolved past its due time costs its handler (the owner at resolution) the <see cref="LateHandlingRule"/>'s
    /// points, once per case; an error counts against the handler's errors in the same month.
    /// </summary>
    internal async Task AwardLatePointsAsync(PortalDbContext db, Case found, Actor actor, DateTimeOffset now, CaseRules rules, CancellationToken cancellationToken)
    {
        var minutesOver = SlaClock.MinutesOver(found.DueAt, now, rules.Calendar);
        if (minutesOver <= 0 || found.HandlerUserId is not { } handler
            || await db.Set<CasePoints>().AnyAsync(p => p.CaseId == found.Id && p.Points > 0, cancellationToken))
        {
            return;
        }

        var month = MonthOf(rules, now);
        var errors = await db.Set<CasePoints>().CountAsync(p => p.AgentUserId == handler && p.Month == month && p.IsError, cancellationToken);
        if (LateHandlingRule.For(minutesOver, errors) is not { } penalty)
        {
            return;
        }

        db.Add(new CasePoints
        {
            AgentUserId = handler, AgentName = found.HandlerName ?? handler, CaseId = found.Id, CaseReference = found.Reference, Month = month,
            Points = penalty.Points, MinutesOver = minutesOver, IsError = penalty.IsError, At = now,
            Reason = text[penalty.IsError ? "Points.LateError" : "Points.Late", minutesOver],
        });
        audit.Add(db, actor, AuditActions.CasePointsAwarded, Subject(found.Reference),
            $"{handler}: {penalty.Points.ToString(CultureInfo.InvariantCulture)} ({minutesOver.ToString(CultureInfo.InvariantCulture)} min over{(penalty.IsError ? ", error" : "")})");
    }

    /// <summary>The first day of the business month of <paramref name="instant"/>.</summary>
    internal static DateOnly MonthOf(CaseRules rules, DateTimeOffset instant)
    {
        var day = rules.Calendar.DateOf(instant);
        return new DateOnly(day.Year, day.Month, 1);
    }

    /// <summary>
    /// Tells the case's investor (when they have a sign-in) through the notifications outbox, in the caller's context
    /// before its save, so the change and its notification commit together. Values: <c>reference</c>, <c>subject</c>,
    /// <c>status</c> and <c>owner</c> (the status, and who handles it, with their <c>.zh-Hans</c> variants for a Chinese reader).
    /// </summary>
    private void NotifyClient(PortalDbContext db, Case found, string template)
    {
        if (found.InvestorUserId.Length == 0)
        {
            return;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reference"] = found.Reference,
            ["subject"] = found.Subject,
            ["status"] = InCulture("en", "Status." + found.Status),
            ["status.zh-Hans"] = InCulture("zh-Hans", "Status." + found.Status),
            ["owner"] = found.OwnerName ?? InCulture("en", "Team." + (found.Team ?? StaffTeam.InboundTier1)),
            ["owner.zh-Hans"] = found.OwnerName ?? InCulture("zh-Hans", "Team." + (found.Team ?? StaffTeam.InboundTier1)),
        };
        outbox.Add(db, found.InvestorUserId, NotificationTopic.CaseUpdates, template, values, ClientLink(found.Kind, found.Reference));
    }

    internal void NotifyCreated(PortalDbContext db, Case found) => NotifyClient(db, found, "case-created");

    internal void NotifyStatusChanged(PortalDbContext db, Case found) => NotifyClient(db, found, "case-status-changed");

    internal void NotifyReplied(PortalDbContext db, Case found) => NotifyClient(db, found, "case-replied");

    internal void NotifyAssigned(PortalDbContext db, Case found) => NotifyClient(db, found, "case-assigned");

    /// <summary>A text of <c>CasesText</c> in a given language (notification values are filled in both).</summary>
    private string InCulture(string culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return text[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The investor's page of a case (the link in notifications).</summary>
    public static string ClientLink(CaseKind kind, string reference) =>
        (kind == CaseKind.Complaint ? "/complaints/" : "/requests/") + reference;
}
