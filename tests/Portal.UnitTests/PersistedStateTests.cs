using System.Buffers;
using System.Text.Json;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Features.Statements;

namespace Portal.UnitTests;

/// <summary>
/// Pages keep what they loaded while prerendering in [PersistentState] properties; Blazor writes those with
/// System.Text.Json (web defaults) and reads them back when the circuit starts. Every type a page persists must
/// come back whole: enums, DateOnly, decimals, nullables, nested read-only lists.
/// </summary>
public sealed class PersistedStateTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly DateOnly October = new(2026, 10, 1);

    private static TransactionLine Line(long id, TransactionStatus status) => new(
        id, $"T{id}", new DateOnly(2026, 10, 9), "880000000003-1", TransactionType.Switch, status, "000505", "稳健增长混合",
        1_234.5678m, 2.1450m, 1_234_567_89, 15_00, 3, status == TransactionStatus.Failed ? FailureReason.AfterCutOff : null, "货币基金 A", 99.01m,
        new DateTimeOffset(2026, 10, 9, 15, 30, 0, TimeSpan.FromHours(8)));

    private static ContentCard Card(string slug) => new(
        Guid.Parse("6d1f0c7e-2a4b-4c1e-9a57-0c3f5b8e7d21"), ContentKind.Article, slug, "zh-Hans", "什么是基金", "基金入门", "basics",
        ["funds", "nav"], ContentAudience.NewInvestors, 3, true, new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));

    private static readonly RenderedContent Rendered = new("<h2 id=\"nav\">净值</h2><p>A <strong>fund</strong>…</p>", [new TocEntry(2, "nav", "净值")], 4);

    private static readonly Loaded<StatementDocument> October2026 = new("2026-10", new StatementDocument(
            new StatementHeader("林晓梅", "880000000001", "**************123X", ClientTier.Gold, ["880000000001-1", "880000000001-2"]),
            October, new StatementFigures(100_00, 50_00, 20_00, 3_00, -1_50, 75, 1_25, 131_00), 12_34, 7,
            [new HoldingLine("000505", "稳健增长混合", ProductType.Balanced, RiskLevel.R3, 1_234.5678m, 1.2345m, 1_500_00, 1_524_07)],
            [Line(1, TransactionStatus.Confirmed), Line(2, TransactionStatus.Failed), Line(3, TransactionStatus.Pending) with { ProductCode = null, ProductName = null, Units = null, Nav = null, TargetProductName = null, TargetUnits = null }],
            new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero)));

    public static TheoryData<object> PersistedViews() => new()
    {
        new InvestorHomeView(
            new InvestorCard("赵国栋", "880000000003", ClientTier.Diamond, "孙伟", "A0007"),
            new InvestorDashboard(
                1_234_567_89, -12_34, [new AllocationSlice(ProductType.Bond, 1_000_00), new AllocationSlice(null, 234_56)],
                [new ValuePoint(October.AddMonths(-1), 1_000_00), new ValuePoint(October, 1_200_00)],
                500_000_00, 12, [Line(1, TransactionStatus.Confirmed), Line(2, TransactionStatus.Pending)], [Line(3, TransactionStatus.Failed)])),
        new InvestorHomeView(null, null),
        new ProfileView(
            new ProfileInvestor("880000000001", "**************123X", "13800000001", new DateOnly(1985, 2, 28), ClientTier.Silver, null),
            new StaffSummary("孙伟", StaffTeam.InboundTier2, ServiceRank.Senior, "A0007")),
        new StaffHomeView(null),
        new List<TierCount> { new(ClientTier.Diamond, 3), new(ClientTier.Gold, 40), new(ClientTier.Silver, 260) },
        new List<StatementListItem> { new(October, 1, 2, 3, 4, 5, 6, 7, 8, 200, 2) },
        October2026,
        new Loaded<StatementDocument>("2026-09", null),
        new Loaded<ArticleView>("what-is-a-fund", new ArticleView(new RenderedPage(Card("what-is-a-fund"), Rendered), [Card("understanding-nav")])),
        new List<RenderedPage> { new(Card("faq-one"), Rendered) },
        new LearnView([Card("what-is-a-fund")], ["what-is-a-fund"]),
        new LearnView([], null),
        new Loaded<IReadOnlyList<SearchHit>>("赎回", [new SearchHit(Card("subscribing-and-redeeming"), "<mark>赎回</mark>", "…<mark>赎回</mark>…", true, 12)]),
        new TierThresholds(500_000.5m, 200, 1_000_000m, 700),
        new SettingValue<TierThresholds>(new TierThresholds(500_000m, 200, 1_000_000m, 700), 3, "刘洋", new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)),
        new SettingValue<BusinessCalendarSettings>(
            new BusinessCalendarSettings("Asia/Shanghai", BusinessCalendarSettings.StandardWeek,
                [new CalendarDay(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节"),
                 new CalendarDay(new DateOnly(2026, 10, 10), CalendarDayKind.WorkingDay, "调休", new TimeOnly(9, 0), new TimeOnly(17, 30))]),
            0, null, null),
    };

    [Theory]
    [MemberData(nameof(PersistedViews))]
    public void Round_trips_through_json_with_web_defaults(object view)
    {
        var type = view.GetType();
        var json = JsonSerializer.Serialize(view, type, Web);

        var back = JsonSerializer.Deserialize(json, type, Web);

        Assert.NotNull(back);
        Assert.Equivalent(view, back, strict: true);
        Assert.Equal(json, JsonSerializer.Serialize(back, type, Web));
    }

    public static TheoryData<Loaded<StatementDocument>> Statements() => new() { October2026, new Loaded<StatementDocument>("2026-09", null) };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_page_state_round_trips_through_its_binary_serializer(Loaded<StatementDocument> statement)
    {
        var serializer = new StatementStateSerializer();
        var buffer = new ArrayBufferWriter<byte>();

        serializer.Persist(statement, buffer);
        var back = serializer.Restore(new ReadOnlySequence<byte>(buffer.WrittenMemory));

        Assert.Equivalent(statement, back, strict: true);
        Assert.True(buffer.WrittenCount < JsonSerializer.SerializeToUtf8Bytes(statement, Web).Length / 2);
    }

    [Fact]
    public void A_statement_of_200_lines_persists_in_a_fifth_of_its_json()
    {
        var lines = Enumerable.Range(0, 200).Select(i => Line(1_000_000 + i, (TransactionStatus)(i % 3)) with { Reference = $"T20261009{i:00000}" }).ToList();
        var statement = October2026 with { Value = October2026.Value! with { Transactions = lines } };
        var buffer = new ArrayBufferWriter<byte>();

        new StatementStateSerializer().Persist(statement, buffer);

        Assert.InRange(buffer.WrittenCount, 1, JsonSerializer.SerializeToUtf8Bytes(statement, Web).Length / 5);
        Assert.Equivalent(statement, new StatementStateSerializer().Restore(new ReadOnlySequence<byte>(buffer.WrittenMemory)), strict: true);
    }

    [Fact]
    public void Statement_state_from_another_format_version_is_dropped_so_the_page_loads_again()
    {
        var serializer = new StatementStateSerializer();
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Persist(October2026, buffer);
        var bytes = buffer.WrittenSpan.ToArray();
        bytes[0]++;

        Assert.Null(serializer.Restore(new ReadOnlySequence<byte>(bytes)));
    }

    [Fact]
    public void Value_tuples_do_not_round_trip_so_pages_persist_records()
    {
        // Why TierCount exists: System.Text.Json skips a tuple's fields and writes "{}".
        IReadOnlyList<(ClientTier Tier, int Count)> tuples = [(ClientTier.Gold, 40)];

        Assert.Equal("[{}]", JsonSerializer.Serialize(tuples, Web));
    }

    [Fact]
    public void What_was_loaded_for_one_month_is_not_for_another()
    {
        Loaded<StatementDocument>? none = null;
        var september = new Loaded<StatementDocument>("2026-09", null);

        Assert.False(none.IsFor("2026-09"));
        Assert.True(september.IsFor("2026-09"));
        Assert.False(september.IsFor("2026-10"));
        Assert.False(september.IsFor("2026-9"));
    }
}
