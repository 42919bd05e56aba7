using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Audit;

/// <summary>/admin/audit and its CSV export, as an admin and as everyone else; the queries behind them.</summary>
public sealed class AuditTrailPageTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task An_admin_opens_the_audit_trail_from_the_navigation()
    {
        using var admin = await app.SignedInClientAsync(DemoUsers.Admin);

        using var home = await admin.GetAsync("/admin/users");
        using var page = await admin.GetAsync("/admin/audit");

        Assert.Contains("href=\"/admin/audit\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await page.ReadTextAsync();
        Assert.Contains(app.Text<AuditText>("Audit.Title"), text, StringComparison.Ordinal);
        Assert.Contains(app.Text<AuditText>("Verify.Button"), text, StringComparison.Ordinal);
        Assert.Contains(app.Text<AuditText>("Export.Csv"), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.Supervisor)]
    [InlineData(DemoUsers.Agent)]
    [InlineData(DemoUsers.SilverInvestor)]
    public async Task Everyone_but_an_admin_is_refused_the_page_and_the_export(string email)
    {
        using var client = await app.SignedInClientAsync(email);

        using var page = await client.GetAsync("/admin/audit");
        using var export = await client.GetAsync("/admin/audit/export");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.DoesNotContain("text/csv", export.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_instead_of_getting_the_export()
    {
        using var anonymous = app.CreatePortalClient();

        using var export = await anonymous.GetAsync("/admin/audit/export?action=SignIn");

        Assert.StartsWith("/Account/Login", export.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_is_one_table_with_its_header_on_line_one_filtered_as_the_page_is()
    {
        var adminId = await UserIdAsync(DemoUsers.Admin);
        // 00:30 on 1 December in Shanghai is still 30 November in UTC: the day filter follows the reader's time zone.
        var earlyDecember = new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero);
        await AddAsync(earlyDecember, adminId, "王管理", AuditActions.RoleChanged, "exporttest:user-1", "Agent → Supervisor");
        await AddAsync(earlyDecember.AddHours(1), null, "nightly import", AuditActions.Import, "exporttest:prices.csv", "=HYPERLINK(\"http://evil.example\")");
        await AddAsync(earlyDecember.AddMinutes(-31), adminId, "王管理", AuditActions.RoleChanged, "exporttest:user-2", null);
        using var admin = await app.SignedInClientAsync(DemoUsers.Admin);

        using var response = await admin.GetAsync("/admin/audit/export?subject=EXPORTTEST:&from=2026-12-01&to=2026-12-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var table = ReadCsv(bytes);
        Assert.Equal(["Row", "Time", "Actor", "Actor user id", "Address", "Action", "Subject", "Details", "Hash"], table[0]);
        // Newest (last recorded) first; the row of 23:59 on 30 November (Shanghai) is outside the day.
        Assert.Equal(["exporttest:prices.csv", "exporttest:user-1"], table.Skip(1).Select(r => r[6]));
        Assert.Equal("2026-12-01T01:30:00.000+08:00", table[1][1]);
        Assert.Equal("Records imported", table[1][5]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", table[1][7]);
        Assert.Equal(["王管理", adminId, "Roles changed", "Agent → Supervisor"], new[] { table[2][2], table[2][3], table[2][5], table[2][7] });
        Assert.All(table.Skip(1), r => Assert.Matches("^[0-9a-f]{64}$", r[8]));

        Assert.Equal(["exporttest:user-2"], await SubjectsAsync(admin, "subject=exporttest:&to=2026-11-30"));
        Assert.Equal(["exporttest:prices.csv"], await SubjectsAsync(admin, "subject=exporttest:&action=Import"));
        // The actor filter matches the recorded name, or the name or e-mail of the user the row names.
        Assert.Equal(["exporttest:prices.csv"], await SubjectsAsync(admin, "subject=exporttest:&actor=NIGHTLY"));
        Assert.Equal(["exporttest:user-2", "exporttest:user-1"], await SubjectsAsync(admin, "subject=exporttest:&actor=admin@portal"));
        Assert.Empty(await SubjectsAsync(admin, "subject=exporttest:&actor=supervisor@portal"));
    }

    [Fact]
    public async Task Taking_an_export_is_itself_recorded_with_its_filter()
    {
        using var admin = await app.SignedInClientAsync(DemoUsers.Admin);

        using var first = await admin.GetAsync("/admin/audit/export?subject=recordtest:");
        var exports = await SubjectsAsync(admin, "action=AuditExported", column: 7);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("subject=recordtest:", exports);
    }

    [Fact]
    public async Task The_page_query_is_newest_first_a_page_at_a_time_and_only_for_admins()
    {
        var start = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 7; i++)
        {
            await AddAsync(start.AddMinutes(i), null, "pager", AuditActions.MonthEnd, $"pagetest:{i}", null);
        }

        var query = app.Services.GetRequiredService<AuditQuery>();
        var admin = new Actor("admin-id", "Admin", new HashSet<string> { Roles.Admin }, null, null);
        var filter = new AuditFilter(Subject: "pagetest:");

        var second = await query.ListAsync(admin, filter, Shanghai, page: 1, pageSize: 3);

        Assert.Equal(7, second.Total);
        Assert.Equal(["pagetest:4", "pagetest:3", "pagetest:2"], second.Rows.Select(r => r.Subject));
        var supervisor = new Actor("supervisor-id", "Supervisor", new HashSet<string> { Roles.Supervisor }, null, null);
        await Assert.ThrowsAsync<ActorForbiddenException>(() => query.ListAsync(supervisor, filter, Shanghai, 0, 3));
        Assert.Throws<ActorForbiddenException>(() => query.ExportAsync(supervisor, filter, Shanghai));
        await Assert.ThrowsAsync<ActorForbiddenException>(() => app.Services.GetRequiredService<AuditVerifier>().VerifyAsync(supervisor));
    }

    private async Task AddAsync(DateTimeOffset at, string? userId, string name, string action, string subject, string? details) =>
        await app.WithDbAsync(async db =>
        {
            db.Set<AuditEntry>().Add(new AuditEntry { At = at, ActorUserId = userId, ActorName = name, Address = "10.9.8.7", Action = action, Subject = subject, Details = details });
            return await db.SaveChangesAsync();
        });

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return user!.Id;
    }

    private static async Task<string[]> SubjectsAsync(HttpClient client, string query, int column = 6)
    {
        using var response = await client.GetAsync("/admin/audit/export?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ReadCsv(await response.Content.ReadAsByteArrayAsync()).Skip(1).Select(r => r[column]).ToArray();
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }
}
