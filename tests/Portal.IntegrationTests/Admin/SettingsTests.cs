using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Statements;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Statements;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Admin;

/// <summary>The settings store on PostgreSQL: only admins save, stale saves are refused, every instance sees a save at once, each save is audited.</summary>
public sealed class SettingsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static readonly Actor AdminActor = ActorWith(Roles.Admin, "系统管理员 Test");

    private SettingsStore Store => app.Services.GetRequiredService<SettingsStore>();

    private TierThresholdsSetting Tiers => app.Services.GetRequiredService<TierThresholdsSetting>();

    private BusinessCalendarSetting Calendar => app.Services.GetRequiredService<BusinessCalendarSetting>();

    internal static Actor ActorWith(string role, string name) =>
        new("user-" + role, name, new HashSet<string>(StringComparer.Ordinal) { role }, null, "10.20.30.40");

    [Fact]
    public async Task Saving_as_anyone_but_an_admin_is_refused_and_changes_nothing()
    {
        var current = await Store.GetAsync(Tiers);
        var changed = current.Value with { GoldLots = current.Value.GoldLots + 1 };

        foreach (var actor in new[] { ActorWith(Roles.Supervisor, "Supervisor"), ActorWith(Roles.Editor, "Editor"), Actor.Anonymous("10.0.0.9") })
        {
            await Assert.ThrowsAsync<ActorForbiddenException>(() => Store.SaveAsync(actor, Tiers, changed, current.Version));
        }

        Assert.Equal(current.Value, (await Store.GetAsync(Tiers)).Value);
    }

    [Fact]
    public async Task A_value_that_breaks_the_rules_is_refused_with_the_fields_named()
    {
        var current = await Store.GetAsync(Tiers);

        var refused = await Assert.ThrowsAsync<SettingValidationException>(() =>
            Store.SaveAsync(AdminActor, Tiers, current.Value with { DiamondDeposits = current.Value.GoldDeposits }, current.Version));

        Assert.Equal("diamondDeposits", Assert.Single(refused.Errors).Field);
        Assert.Equal(current.Version, (await Store.GetAsync(Tiers)).Version);
    }

    [Fact]
    public async Task A_save_from_a_stale_copy_is_refused_and_the_first_save_stays()
    {
        var loadedByBoth = await Store.GetAsync(Calendar);
        var first = loadedByBoth.Value with { Week = OpenSaturday(loadedByBoth.Value.Week, new TimeOnly(12, 0)) };
        var second = loadedByBoth.Value with { TimeZone = "Asia/Hong_Kong" };

        var saved = await Store.SaveAsync(ActorWith(Roles.Admin, "刘洋"), Calendar, first, loadedByBoth.Version);
        var stale = await Assert.ThrowsAsync<StaleSettingException>(() => Store.SaveAsync(AdminActor, Calendar, second, loadedByBoth.Version));

        Assert.Equal(loadedByBoth.Version + 1, saved.Version);
        Assert.Equal("刘洋", stale.UpdatedBy);
        var now = await Store.GetAsync(Calendar);
        Assert.Equal((loadedByBoth.Value.TimeZone, saved.Version), (now.Value.TimeZone, now.Version));
        Assert.True((await app.Services.GetRequiredService<BusinessCalendarProvider>().GetAsync()).IsOpen(new DateTimeOffset(2026, 12, 5, 11, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public async Task Two_admins_saving_at_once_get_one_save_and_one_refusal()
    {
        var loaded = await Store.GetAsync(Tiers);
        var saves = Enumerable.Range(1, 2).Select(i => Task.Run(() =>
            Store.SaveAsync(AdminActor, Tiers, loaded.Value with { GoldLots = loaded.Value.GoldLots + i }, loaded.Version))).ToList();

        var outcomes = await Task.WhenAll(saves.Select(async s =>
        {
            try
            {
                await s;
                return "saved";
            }
            catch (StaleSettingException)
            {
                return "stale";
            }
        }));

        Assert.Equal(["saved", "stale"], outcomes.Order());
        Assert.Equal(loaded.Version + 1, (await Store.GetAsync(Tiers)).Version);
    }

    [Fact]
    public async Task A_save_is_in_the_audit_trail_with_who_from_where_and_before_and_after()
    {
        var current = await Store.GetAsync(Tiers);
        var before = current.Value.GoldDeposits;
        await Store.SaveAsync(AdminActor, Tiers, current.Value with { GoldDeposits = before + 10_000m }, current.Version);

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditActions.SettingsChanged && e.Subject == "settings:tier-thresholds").OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(("user-Admin", "系统管理员 Test", "10.20.30.40"), (entry.ActorUserId, entry.ActorName, entry.Address));
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"Gold deposits: {before:0.##} → {before + 10_000m:0.##}"),
            entry.Details);
        Assert.Null(AuditChain.FindBreak(await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync())));
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_sees_a_save_at_once()
    {
        var second = new SecondInstance(app.ConnectionString);
        try
        {
            await second.InitializeAsync();
            await SeesSaveAsync(second);
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    private async Task SeesSaveAsync(PortalApp second)
    {
        using var investor = await second.SignedInClientAsync(DemoUsers.SilverInvestor);
        var secondCalendar = second.Services.GetRequiredService<BusinessCalendarProvider>();
        var sunday = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.False((await secondCalendar.GetAsync()).IsOpen(sunday));

        var calendar = await Store.GetAsync(Calendar);
        var week = calendar.Value.Week.Select(w => w.Day == DayOfWeek.Sunday ? w with { Open = true } : w).ToList();
        await Store.SaveAsync(AdminActor, Calendar, calendar.Value with { Week = week }, calendar.Version);
        var tiers = await Store.GetAsync(Tiers);
        var thresholds = tiers.Value with { GoldDeposits = 654_321m, GoldLots = 321 };
        await Store.SaveAsync(AdminActor, Tiers, thresholds, tiers.Version);

        Assert.True((await secondCalendar.GetAsync()).IsOpen(sunday));
        // What the silver investor's dashboard on the other instance says the next tier needs.
        var dashboard = await (await investor.GetAsync("/")).ReadTextAsync();
        Assert.Contains(NextTierText(second, thresholds), dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Month_end_uses_the_thresholds_saved_before_it_runs()
    {
        var month = app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth;
        var investor = await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.Tier == ClientTier.Silver && i.UserId == null).OrderBy(i => i.Id).Skip(3).FirstAsync());
        var day = month.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Deposits and lots far below the configured Gold thresholds (500,000 CNY and 200 lots).
        var csv = string.Join('\n',
            string.Join(',', TransactionImporter.TransactionColumns),
            $"SETTINGS-TIER-1,{investor.AccountNumber},{investor.AccountNumber}-2,{day},Deposit,Confirmed,,,,120000.00,,,,,",
            $"SETTINGS-TIER-2,{investor.AccountNumber},{investor.AccountNumber}-2,{day},Trade,Confirmed,,,,0.00,300.00,60,,,");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<TransactionImporter>()
                .ImportAsync(TestActors.Admin, ImportKind.Transactions, "settings-tiers.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), false);
            Assert.Equal(2, imported.Imported);
        }

        var current = await Store.GetAsync(Tiers);
        await Store.SaveAsync(AdminActor, Tiers, new TierThresholds(100_000m, 50, 2_000_000m, 1_000), current.Version);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month);
        }

        Assert.Equal(ClientTier.Gold, await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.Id == investor.Id).Select(i => i.Tier).SingleAsync()));
    }

    [Fact]
    public async Task The_settings_page_warns_when_next_year_has_no_holidays()
    {
        var calendar = await Store.GetAsync(Calendar);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);
        var nextYear = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Year + 1;
        Assert.False(calendar.Value.HasHolidaysIn(nextYear));
        using var admin = await app.SignedInClientAsync(DemoUsers.Admin);

        var page = await (await admin.GetAsync("/admin/settings")).ReadTextAsync();

        Assert.Contains(app.Text<AdminText>("Calendar.NoHolidaysNextYear", "en", nextYear), page, StringComparison.Ordinal);
    }

    internal static List<WeekdayHours> OpenSaturday(IReadOnlyList<WeekdayHours> week, TimeOnly closes) =>
        week.Select(w => w.Day == DayOfWeek.Saturday ? w with { Open = true, Opens = new TimeOnly(9, 0), Closes = closes } : w).ToList();

    private static string NextTierText(PortalApp app, TierThresholds thresholds)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            return app.Text<StatementsText>("Dashboard.NextTier", "en", app.Text<UiText>("Tier.Gold"), Money.Format(Money.ToFen(thresholds.GoldDeposits)), thresholds.GoldLots);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>Another instance of the portal on the first one's database (as behind a load balancer).</summary>
    private sealed class SecondInstance(string connectionString) : PortalApp
    {
        protected override Task<string> CreateDatabaseAsync(string folder) => Task.FromResult(connectionString);

        // The database belongs to the first instance.
        protected override Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;
    }
}

/// <summary>The same store on the embedded SQLite provider: the version token refuses a stale save there too.</summary>
public sealed class SqliteSettingsTests(SqlitePortalApp app) : IClassFixture<SqlitePortalApp>
{
    [Fact]
    public async Task A_stale_save_is_refused_and_the_saved_calendar_reads_back()
    {
        var store = app.Services.GetRequiredService<SettingsStore>();
        var setting = app.Services.GetRequiredService<BusinessCalendarSetting>();
        var admin = SettingsTests.ActorWith(Roles.Admin, "Admin");
        var loaded = await store.GetAsync(setting);
        var added = new CalendarDay(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦");

        await store.SaveAsync(admin, setting, loaded.Value with { Days = [.. loaded.Value.Days, added] }, loaded.Version);
        await Assert.ThrowsAsync<StaleSettingException>(() =>
            store.SaveAsync(admin, setting, loaded.Value with { Week = SettingsTests.OpenSaturday(loaded.Value.Week, new TimeOnly(12, 0)) }, loaded.Version));

        var now = await store.GetAsync(setting);
        Assert.Contains(added, now.Value.Days);
        Assert.Equal("Admin", now.UpdatedBy);
        Assert.True(now.Value.HasHolidaysIn(2027));
    }
}
