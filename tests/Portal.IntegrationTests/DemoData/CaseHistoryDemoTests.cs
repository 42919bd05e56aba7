using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Cases;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Model;

namespace Portal.IntegrationTests.DemoData;

/// <summary>The demo's cases look like a real desk's three months: what the ticket desk, the points and the reports show.</summary>
public sealed class CaseHistoryDemoTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Three_months_of_complaints_and_requests_some_late_some_escalated_some_rated_and_the_newest_still_open()
    {
        var cases = await app.WithDbAsync(db => db.Set<Case>().AsNoTracking().ToListAsync());
        var points = await app.WithDbAsync(db => db.Set<CasePoints>().AsNoTracking().ToListAsync());
        var calendar = await app.Services.GetRequiredService<BusinessCalendarProvider>().GetAsync();
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var desk = await app.Services.GetRequiredService<CaseDesk>().CountAsync(supervisor);

        Assert.InRange(cases.Count, 200, 600);
        Assert.True((cases.Max(c => c.CreatedAt) - cases.Min(c => c.CreatedAt)).TotalDays >= 85, "The cases do not span three months.");
        Assert.All(cases, c => Assert.True(calendar.IsOpen(c.CreatedAt), $"{c.Reference} came in outside business hours."));
        Assert.InRange(cases.Count(c => c.Kind == CaseKind.Complaint) / (double)cases.Count, 0.2, 0.4);
        Assert.Equal([ClientTier.Silver, ClientTier.Gold, ClientTier.Diamond], cases.Select(c => c.Tier).Distinct().Order());
        Assert.True(cases.Select(c => c.RequestType).Distinct().Count() >= 8, "Too few request types.");

        var resolved = cases.Where(c => c.ResolvedAt is not null).ToList();
        var late = resolved.Where(c => c.ResolvedAt > c.DueAt).ToList();
        Assert.InRange(late.Count / (double)resolved.Count, 0.08, 0.3);
        Assert.Equal(late.Select(c => c.Reference).Order(), points.Select(p => p.CaseReference!).Order());
        Assert.Contains(points, p => p.IsError);
        Assert.InRange(cases.Count(c => c.EscalatedByUserId is not null), 10, 200);
        Assert.InRange(cases.Count(c => c.PausedBusinessMinutes > 0), 10, 200);
        Assert.InRange(resolved.Count(c => c.Rating is not null) / (double)resolved.Count, 0.35, 0.75);

        Assert.InRange(cases.Count(c => c.Status is not (CaseStatus.Resolved or CaseStatus.Closed)), 3, 40);
        Assert.True(desk.Unassigned >= 1, "Nothing is waiting on the desk.");
        Assert.Contains(cases, c => c.Status == CaseStatus.Open && c.OwnerUserId is not null);
    }

    [Fact]
    public async Task Every_closed_complaint_was_reviewed_by_another_specialist_and_every_timeline_follows_its_statuses()
    {
        var cases = await app.WithDbAsync(db => db.Set<Case>().AsNoTracking().ToListAsync());
        var events = await app.WithDbAsync(db => db.Set<CaseEvent>().AsNoTracking().ToListAsync());
        var timelines = events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).ToList());

        Assert.All(cases.Where(c => c.Kind == CaseKind.Complaint && c.Status == CaseStatus.Closed), c =>
        {
            Assert.NotNull(c.ReviewedAt);
            Assert.NotEqual(c.HandlerUserId, c.ReviewerUserId);
            Assert.NotNull(c.Investigation);
        });
        Assert.All(cases, c =>
        {
            var timeline = timelines[c.Id];
            Assert.Equal(CaseTimelineKind.Created, timeline[0].Kind);
            var status = CaseStatus.New;
            foreach (var step in timeline.Where(e => e.ToStatus is not null).Skip(1))
            {
                Assert.Equal(status, step.FromStatus);
                status = step.ToStatus!.Value;
            }

            Assert.Equal(c.Status, status);
        });
    }
}
