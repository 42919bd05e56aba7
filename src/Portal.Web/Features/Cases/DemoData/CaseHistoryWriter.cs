using Microsoft.Extensions.Localization;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Features.Cases.Model;
using Portal.Web.Resources;

namespace Portal.Web.Features.Cases.DemoData;

/// <summary>
/// Writes one past case at a time with its timeline, as the desk would have worked it; a step later than now (or than
/// where a recent case stalled) is not taken, so the newest cases stay open: new, in hand, waiting on the client, escalated.
/// </summary>
internal sealed class CaseHistoryWriter(
    Random random, CaseRules rules, IReadOnlyList<DemoClient> clients, DemoDeskMember[] agents, DemoDeskMember[] specialists, DateTimeOffset now,
    IStringLocalizer<CasesText> text)
{
    private readonly DemoClient[] _signedIn = [.. clients.Where(c => c.UserId is not null)];
    private readonly Dictionary<(CaseKind, string), CaseDemoScript[]> _scripts =
        CaseDemoScripts.Scripts.GroupBy(s => (s.Kind, s.Culture)).ToDictionary(g => g.Key, g => g.ToArray());

    private readonly Dictionary<string, int> _numbers = [];

    // How far the case is worked: up to now, or, for some of the last days' cases, only its first steps (the desk's
    // open work: unassigned, in hand, waiting, escalated, some already past their due time).
    private DateTimeOffset _until;
    private readonly Dictionary<(string, DateOnly), int> _errors = [];

    // Points name their case by id, which the case has once saved.
    private readonly List<(Case Case, CasePoints Points)> _points = [];

    public Random Random => random;

    public int Cases { get; private set; }

    public int Late { get; private set; }

    public int Open { get; private set; }

    /// <summary>Adds the late-handling points of the cases saved since the last call.</summary>
    public void AddPoints(PortalDbContext db)
    {
        foreach (var (found, points) in _points)
        {
            points.CaseId = found.Id;
            db.Add(points);
        }

        _points.Clear();
    }

    public void Add(PortalDbContext db, DateTimeOffset createdAt)
    {
        var calendar = rules.Calendar;
        var client = _signedIn.Length > 0 && random.Next(8) == 0 ? _signedIn[random.Next(_signedIn.Length)] : clients[random.Next(clients.Count)];
        var culture = random.Next(8) == 0 ? "en" : "zh-Hans";
        var kind = random.Next(10) < 3 ? CaseKind.Complaint : CaseKind.Request;
        var choices = _scripts[(kind, culture)];
        var script = choices[random.Next(choices.Length)];
        var channel = random.Next(10) switch { < 7 => CaseChannel.Portal, < 9 => CaseChannel.Phone, _ => CaseChannel.Chat };
        var agent = agents[random.Next(agents.Length)];
        var (dueAt, firstResponseDueAt) = CaseStore.DueTimes(kind, script.Type, client.Tier, createdAt, rules);
        var found = new Case
        {
            Reference = NextReference(kind, calendar.DateOf(createdAt)), Kind = kind, RequestType = script.Type, Category = script.Category,
            Subject = script.Subject, Description = script.Description, InvestorId = client.InvestorId, InvestorUserId = client.UserId ?? "",
            InvestorName = client.Name, Tier = client.Tier, Channel = channel, SubmissionId = NewGuid(), Status = CaseStatus.New,
            Team = StaffTeam.InboundTier1, CreatedAt = createdAt, UpdatedAt = createdAt, DueAt = dueAt.ToUniversalTime(), FirstResponseDueAt = firstResponseDueAt?.ToUniversalTime(),
            Version = 1,
        };
        db.Add(found);
        Cases++;
        var budget = Math.Max(3, calendar.BusinessMinutesBetween(createdAt, dueAt));
        var stalled = now - createdAt < TimeSpan.FromDays(7) && random.Next(2) == 0 ? Later(createdAt, budget * random.NextDouble() * 0.9) : now;
        _until = stalled < now ? stalled : now;
        var byClient = channel == CaseChannel.Portal;
        Step(db, found, CaseTimelineKind.Created, createdAt, byClient ? null : agent, to: CaseStatus.New);
        if (Work(db, found, script, culture, agent))
        {
            return;
        }

        Open++;
    }

    /// <summary>Works the case from pick-up to close; false when it stops first (the case stays open).</summary>
    private bool Work(PortalDbContext db, Case found, CaseDemoScript script, string culture, DemoDeskMember agent)
    {
        var calendar = rules.Calendar;
        var budget = Math.Max(3, calendar.BusinessMinutesBetween(found.CreatedAt, found.DueAt));
        var at = Later(found.CreatedAt, Math.Max(1, budget * (0.05 + (random.NextDouble() * 0.2))));
        if (!PickUp(db, found, agent, at))
        {
            return false;
        }

        at = Later(at, random.Next(1, 8));
        if (!Reply(db, found, agent, script.FirstReply, at))
        {
            return false;
        }

        if (random.Next(5) == 0 && !WaitOnClient(db, found, agent, script.ClientAnswer, ref at))
        {
            return false;
        }

        var handler = agent;
        var escalate = found.Kind == CaseKind.Complaint ? random.Next(20) < 9 : random.Next(30) == 0;
        if (escalate)
        {
            if (Escalate(db, found, agent, culture, ref at) is not { } specialist)
            {
                return false;
            }

            handler = specialist;
        }

        // Most cases are done in time; about one in six runs over, by a few minutes or by much more.
        var late = random.Next(6) == 0;
        var resolveAt = late
            ? Later(found.DueAt, random.Next(10) switch { < 4 => random.Next(1, 6), < 7 => random.Next(6, 11), _ => random.Next(11, 90) })
            : Later(found.CreatedAt, budget * (0.45 + (random.NextDouble() * 0.5)) + found.PausedBusinessMinutes);
        at = resolveAt > at ? resolveAt : Later(at, random.Next(3, 15));
        if (!Resolve(db, found, handler, script, culture, at))
        {
            return false;
        }

        if (found.Kind == CaseKind.Complaint)
        {
            var reviewer = specialists.Where(s => s.UserId != handler.UserId).ElementAt(random.Next(specialists.Length - 1));
            at = Later(at, random.Next(30, 600));
            if (!Review(db, found, reviewer, culture, at))
            {
                return true;
            }
        }

        if (random.Next(100) < 55)
        {
            Rate(db, found, culture, Later(at, random.Next(10, 900)));
        }

        var closeAt = found.Kind == CaseKind.Complaint ? Later(at, random.Next(60, 1_200)) : at.AddDays(7);
        if (closeAt <= _until)
        {
            Change(db, found, handler, closeAt, CaseStatus.Closed);
            found.ClosedAt = closeAt;
        }

        return true;
    }

    private bool PickUp(PortalDbContext db, Case found, DemoDeskMember member, DateTimeOffset at)
    {
        if (at > _until)
        {
            return false;
        }

        Change(db, found, member, at, CaseStatus.Open);
        Step(db, found, CaseTimelineKind.Assigned, at, member, member.Name);
        found.OwnerUserId = member.UserId;
        found.OwnerName = member.Name;
        found.Team = member.IsSpecialist ? StaffTeam.InboundTier2 : StaffTeam.InboundTier1;
        return true;
    }

    private bool Reply(PortalDbContext db, Case found, DemoDeskMember member, string reply, DateTimeOffset at)
    {
        if (at > _until)
        {
            return false;
        }

        Step(db, found, CaseTimelineKind.PublicReply, at, member, reply);
        found.FirstRespondedAt ??= at;
        return true;
    }

    /// <summary>Asks the client for more: the clock stops until they answer, and the due time moves by the business minutes it stood.</summary>
    private bool WaitOnClient(PortalDbContext db, Case found, DemoDeskMember member, string answer, ref DateTimeOffset at)
    {
        at = Later(at, 1);
        if (at > _until)
        {
            return false;
        }

        Change(db, found, member, at, CaseStatus.WaitingOnClient);
        found.PausedSince = at;
        var answeredAt = Later(at, random.Next(20, 900));
        if (answeredAt > _until)
        {
            return false;
        }

        var paused = SlaClock.PausedMinutes(at, answeredAt, rules.Calendar);
        Step(db, found, CaseTimelineKind.PublicReply, answeredAt, null, answer);
        Change(db, found, null, answeredAt, CaseStatus.Open);
        found.PausedSince = null;
        found.PausedBusinessMinutes += paused;
        found.DueAt = SlaClock.Extend(found.DueAt, paused, rules.Calendar).ToUniversalTime();
        at = answeredAt;
        return true;
    }

    private DemoDeskMember? Escalate(PortalDbContext db, Case found, DemoDeskMember agent, string culture, ref DateTimeOffset at)
    {
        at = Later(at, random.Next(5, 60));
        if (at > _until)
        {
            return null;
        }

        Step(db, found, CaseTimelineKind.InternalNote, at, agent, CaseDemoScripts.Note(culture), isInternal: true);
        Step(db, found, CaseTimelineKind.Escalated, at, agent, CaseDemoScripts.EscalationReason(culture), found.Status, CaseStatus.Escalated);
        found.Status = CaseStatus.Escalated;
        found.Team = StaffTeam.InboundTier2;
        found.OwnerUserId = found.OwnerName = null;
        found.EscalatedByUserId = agent.UserId;
        found.EscalatedByName = agent.Name;
        found.UpdatedAt = at;
        var specialist = specialists[random.Next(specialists.Length)];
        at = Later(at, random.Next(10, 240));
        return PickUp(db, found, specialist, at) ? specialist : null;
    }

    private bool Resolve(PortalDbContext db, Case found, DemoDeskMember handler, CaseDemoScript script, string culture, DateTimeOffset at)
    {
        if (at > _until)
        {
            return false;
        }

        if (found.Kind == CaseKind.Complaint)
        {
            found.Investigation = CaseDemoScripts.Investigation(culture);
            found.ClientResponse = CaseDemoScripts.ClientResponse(culture);
            Step(db, found, CaseTimelineKind.FormSaved, at, handler, isInternal: true);
        }

        found.Resolution = script.Resolution;
        Change(db, found, handler, at, CaseStatus.Resolved, script.Resolution);
        found.ResolvedAt = at;
        found.HandlerUserId = handler.UserId;
        found.HandlerName = handler.Name;
        var minutesOver = SlaClock.MinutesOver(found.DueAt, at, rules.Calendar);
        var month = new DateOnly(rules.Calendar.DateOf(at).Year, rules.Calendar.DateOf(at).Month, 1);
        var errors = _errors.GetValueOrDefault((handler.UserId, month));
        if (LateHandlingRule.For(minutesOver, errors) is { } penalty)
        {
            Late++;
            _errors[(handler.UserId, month)] = errors + (penalty.IsError ? 1 : 0);
            _points.Add((found, new CasePoints
            {
                AgentUserId = handler.UserId, AgentName = handler.Name, CaseReference = found.Reference, Month = month,
                Points = penalty.Points, MinutesOver = minutesOver, IsError = penalty.IsError, At = at,
                Reason = text[penalty.IsError ? "Points.LateError" : "Points.Late", minutesOver],
            }));
        }

        return true;
    }

    private bool Review(PortalDbContext db, Case found, DemoDeskMember reviewer, string culture, DateTimeOffset at)
    {
        if (at > _until)
        {
            return false;
        }

        Step(db, found, CaseTimelineKind.Reviewed, at, reviewer, CaseDemoScripts.ReviewRemark(culture), isInternal: true);
        found.ReviewerUserId = reviewer.UserId;
        found.ReviewerName = reviewer.Name;
        found.ReviewedAt = at;
        found.UpdatedAt = at;
        return true;
    }

    private void Rate(PortalDbContext db, Case found, string culture, DateTimeOffset at)
    {
        if (at > _until)
        {
            return;
        }

        var late = found.ResolvedAt > found.DueAt;
        var score = late ? random.Next(2, 5) : random.Next(10) switch { < 6 => 5, < 9 => 4, _ => 3 };
        found.Rating = score;
        found.RatingComment = random.Next(2) == 0 ? CaseDemoScripts.RatingComment(culture, score) : null;
        found.RatedAt = at;
        Step(db, found, CaseTimelineKind.Rated, at, null, found.RatingComment);
    }

    private static void Change(PortalDbContext db, Case found, DemoDeskMember? member, DateTimeOffset at, CaseStatus to, string? note = null)
    {
        Step(db, found, CaseTimelineKind.StatusChanged, at, member, note, found.Status, to);
        found.Status = to;
    }

    /// <summary>A timeline step by <paramref name="member"/>, or by the client when null.</summary>
    private static void Step(
        PortalDbContext db, Case found, CaseTimelineKind kind, DateTimeOffset at, DemoDeskMember? member, string? stepText = null,
        CaseStatus? from = null, CaseStatus? to = null, bool isInternal = false)
    {
        db.Add(new CaseEvent
        {
            Case = found, Kind = kind, At = at, ActorUserId = member?.UserId ?? NullIfEmpty(found.InvestorUserId), ActorName = member?.Name ?? found.InvestorName,
            ByClient = member is null, Internal = isInternal, Text = stepText, FromStatus = from, ToStatus = to,
        });
        found.UpdatedAt = at;
    }

    private DateTimeOffset Later(DateTimeOffset from, double businessMinutes) =>
        rules.Calendar.AddBusinessMinutes(from, Math.Max(1, (int)Math.Round(businessMinutes))).ToUniversalTime();

    private string NextReference(CaseKind kind, DateOnly date)
    {
        var prefix = CaseReference.Prefix(kind, date);
        var number = _numbers.GetValueOrDefault(prefix) + 1;
        _numbers[prefix] = number;
        return CaseReference.Format(kind, date, number);
    }

    private Guid NewGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
