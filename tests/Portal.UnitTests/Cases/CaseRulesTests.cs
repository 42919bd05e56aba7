using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Model;

namespace Portal.UnitTests.Cases;

/// <summary>Status changes, the client's windows, references and the limits table.</summary>
public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset Resolved = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    // ---- transitions ----

    [Theory]
    [InlineData(CaseStatus.New, CaseStatus.Open)]
    [InlineData(CaseStatus.New, CaseStatus.WaitingOnClient)]
    [InlineData(CaseStatus.New, CaseStatus.Resolved)]
    [InlineData(CaseStatus.Open, CaseStatus.WaitingOnClient)]
    [InlineData(CaseStatus.Open, CaseStatus.Resolved)]
    [InlineData(CaseStatus.WaitingOnClient, CaseStatus.Open)]
    [InlineData(CaseStatus.WaitingOnClient, CaseStatus.Resolved)]
    [InlineData(CaseStatus.Escalated, CaseStatus.Open)]
    [InlineData(CaseStatus.Escalated, CaseStatus.WaitingOnClient)]
    [InlineData(CaseStatus.Escalated, CaseStatus.Resolved)]
    [InlineData(CaseStatus.Resolved, CaseStatus.Open)]
    [InlineData(CaseStatus.Resolved, CaseStatus.Closed)]
    public void The_desk_may_make_these_changes(CaseStatus from, CaseStatus to) => Assert.True(CaseTransitions.DeskMay(from, to));

    [Theory]
    [InlineData(CaseStatus.New, CaseStatus.Closed)]
    [InlineData(CaseStatus.Open, CaseStatus.Closed)]
    [InlineData(CaseStatus.Open, CaseStatus.New)]
    [InlineData(CaseStatus.Open, CaseStatus.Open)]
    [InlineData(CaseStatus.Open, CaseStatus.Escalated)]
    [InlineData(CaseStatus.Open, CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Resolved, CaseStatus.WaitingOnClient)]
    [InlineData(CaseStatus.Closed, CaseStatus.Open)]
    [InlineData(CaseStatus.Closed, CaseStatus.Resolved)]
    [InlineData(CaseStatus.Withdrawn, CaseStatus.Open)]
    public void The_desk_may_not_make_these(CaseStatus from, CaseStatus to) => Assert.False(CaseTransitions.DeskMay(from, to));

    [Fact]
    public void Closed_and_withdrawn_are_final()
    {
        Assert.Empty(CaseTransitions.NextForDesk(CaseStatus.Closed));
        Assert.Empty(CaseTransitions.NextForDesk(CaseStatus.Withdrawn));
    }

    [Theory]
    [InlineData(CaseStatus.New, true)]
    [InlineData(CaseStatus.Open, true)]
    [InlineData(CaseStatus.WaitingOnClient, true)]
    [InlineData(CaseStatus.Escalated, true)]
    [InlineData(CaseStatus.Resolved, false)]
    [InlineData(CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Withdrawn, false)]
    public void The_client_replies_and_withdraws_while_the_case_is_worked_on(CaseStatus status, bool may)
    {
        Assert.Equal(may, CaseTransitions.ClientMayReply(status));
        Assert.Equal(may, CaseTransitions.ClientMayWithdraw(status));
    }

    [Fact]
    public void A_resolved_case_reopens_within_fourteen_days()
    {
        Assert.True(CaseTransitions.ClientMayReopen(CaseStatus.Resolved, Resolved, Resolved.AddDays(1)));
        Assert.True(CaseTransitions.ClientMayReopen(CaseStatus.Resolved, Resolved, Resolved.AddDays(14)));
        Assert.False(CaseTransitions.ClientMayReopen(CaseStatus.Resolved, Resolved, Resolved.AddDays(14).AddSeconds(1)));
        Assert.Equal(Resolved.AddDays(14), CaseTransitions.ReopenUntil(Resolved));
    }

    [Theory]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Withdrawn)]
    public void Only_a_resolved_case_reopens(CaseStatus status) => Assert.False(CaseTransitions.ClientMayReopen(status, Resolved, Resolved.AddHours(1)));

    [Fact]
    public void A_case_is_rated_once_when_resolved_or_closed()
    {
        Assert.True(CaseTransitions.ClientMayRate(CaseStatus.Resolved, null));
        Assert.True(CaseTransitions.ClientMayRate(CaseStatus.Closed, null));
        Assert.False(CaseTransitions.ClientMayRate(CaseStatus.Closed, 4));
        Assert.False(CaseTransitions.ClientMayRate(CaseStatus.Open, null));
        Assert.False(CaseTransitions.ClientMayRate(CaseStatus.Withdrawn, null));
    }

    // ---- references ----

    [Fact]
    public void References_name_the_kind_the_business_date_and_the_days_number()
    {
        Assert.Equal("C-20261201-0042", CaseReference.Format(CaseKind.Complaint, new DateOnly(2026, 12, 1), 42));
        Assert.Equal("R-20261231-0001", CaseReference.Format(CaseKind.Request, new DateOnly(2026, 12, 31), 1));
        Assert.Equal("R-20270101-9999", CaseReference.Format(CaseKind.Request, new DateOnly(2027, 1, 1), 9_999));
    }

    [Fact]
    public void A_day_has_at_most_9999_cases_of_a_kind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseReference.Format(CaseKind.Request, new DateOnly(2026, 12, 1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseReference.Format(CaseKind.Request, new DateOnly(2026, 12, 1), 10_000));
    }

    [Theory]
    [InlineData("C-20261201-0042", CaseKind.Complaint)]
    [InlineData("R-20261201-0001", CaseKind.Request)]
    public void A_reference_tells_its_kind(string reference, CaseKind kind) => Assert.Equal(kind, CaseReference.KindOf(reference));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("X-20261201-0042")]
    [InlineData("C-2026120-00042")]
    [InlineData("C-20261201-004")]
    [InlineData("C-20261201-00421")]
    [InlineData("c-20261201-0042")]
    [InlineData("C-2026120a-0042")]
    [InlineData("OM-20261201-0042")]
    [InlineData("C-20261201-0042'")]
    public void Anything_else_is_no_reference(string? reference) => Assert.Null(CaseReference.KindOf(reference));

    // ---- the limits table ----

    [Fact]
    public void The_defaults_are_the_domain_table()
    {
        var table = CaseLimitsTable.Defaults;
        Assert.Equal(Enum.GetValues<RequestType>(), table.Requests.Select(r => r.Type));
        Assert.Equal(new TierLimits(TimeLimit.Minutes(30), TimeLimit.Minutes(15)), table.For(RequestType.AccountOpening));
        Assert.Equal(new TierLimits(TimeLimit.Minutes(20), TimeLimit.Minutes(5)), table.For(RequestType.OnlineOpeningAssignment));
        Assert.Equal(new TierLimits(TimeLimit.WorkingDays(1), TimeLimit.Minutes(240)), table.For(RequestType.AccountActivation));
        Assert.Equal(new TierLimits(TimeLimit.Minutes(10), TimeLimit.Minutes(3)), table.For(RequestType.OnlineActivation));
        Assert.Equal(new TierLimits(TimeLimit.WorkingDays(1), TimeLimit.Minutes(30)), table.For(RequestType.OnlineAccessChange));
        Assert.Equal(new TierLimits(TimeLimit.Promptly, TimeLimit.Minutes(3)), table.For(RequestType.RemoteAssistance));
        Assert.Equal(new TierLimits(TimeLimit.Minutes(15), TimeLimit.Minutes(3)), table.For(RequestType.AuthorisationCode));
        Assert.Equal(new TierLimits(TimeLimit.WorkingDays(1), TimeLimit.Minutes(15)), table.For(RequestType.PasswordReset));
        Assert.Equal(new TierLimits(TimeLimit.WorkingDays(1), TimeLimit.Minutes(30)), table.For(RequestType.AccountTransfer));
        Assert.Equal(new TierLimits(TimeLimit.WorkingDays(1), TimeLimit.Minutes(30)), table.For(RequestType.AccountClosing));
        Assert.Equal(new TierLimits(TimeLimit.Minutes(30), TimeLimit.Minutes(30)), table.For(RequestType.Other));
        Assert.Equal(new TierLimits(TimeLimit.WorkingDays(1), TimeLimit.Minutes(240)), table.ComplaintFirstResponse);
        Assert.Equal(new TierLimits(TimeLimit.WorkingDays(5), TimeLimit.WorkingDays(2)), table.ComplaintResolution);
        Assert.Equal(10, table.PromptlyMinutes);
        Assert.Equal(60, table.DueSoonMinutes);
        Assert.Empty(table.Validate());
    }

    [Fact]
    public void Gold_and_Diamond_use_the_VIP_column()
    {
        var limits = CaseLimitsTable.Defaults.For(RequestType.PasswordReset);
        Assert.Equal(TimeLimit.WorkingDays(1), limits.For(Portal.Web.Features.Accounts.ClientTier.Silver));
        Assert.Equal(TimeLimit.Minutes(15), limits.For(Portal.Web.Features.Accounts.ClientTier.Gold));
        Assert.Equal(TimeLimit.Minutes(15), limits.For(Portal.Web.Features.Accounts.ClientTier.Diamond));
    }

    [Theory]
    [InlineData(TimeLimitUnit.Minutes, 0, "request:Other:vip", CaseLimitsTable.MinutesRangeError)]
    [InlineData(TimeLimitUnit.Minutes, 10_001, "request:Other:vip", CaseLimitsTable.MinutesRangeError)]
    [InlineData(TimeLimitUnit.WorkingDays, 0, "request:Other:vip", CaseLimitsTable.DaysRangeError)]
    [InlineData(TimeLimitUnit.WorkingDays, 31, "request:Other:vip", CaseLimitsTable.DaysRangeError)]
    public void Amounts_out_of_range_are_refused_by_field(TimeLimitUnit unit, int amount, string field, string error)
    {
        var table = CaseLimitsTable.Defaults with
        {
            Requests = [.. CaseLimitsTable.Defaults.Requests.Select(r => r.Type == RequestType.Other ? r with { Limits = r.Limits with { Vip = new(unit, amount) } } : r)],
        };
        var problem = Assert.Single(table.Validate());
        Assert.Equal(field, problem.Field);
        Assert.Equal(error, problem.Text);
    }

    [Theory]
    [InlineData(TimeLimitUnit.Minutes, 1)]
    [InlineData(TimeLimitUnit.Minutes, 10_000)]
    [InlineData(TimeLimitUnit.WorkingDays, 1)]
    [InlineData(TimeLimitUnit.WorkingDays, 30)]
    [InlineData(TimeLimitUnit.Promptly, 0)]
    public void Amounts_at_the_edges_are_accepted(TimeLimitUnit unit, int amount)
    {
        var table = CaseLimitsTable.Defaults with { ComplaintResolution = new(new(unit, amount), new(unit, amount)) };
        Assert.Empty(table.Validate());
    }

    [Fact]
    public void Every_request_type_needs_exactly_one_row()
    {
        var missing = CaseLimitsTable.Defaults with { Requests = [.. CaseLimitsTable.Defaults.Requests.Where(r => r.Type != RequestType.PasswordReset)] };
        Assert.Equal("request:PasswordReset", Assert.Single(missing.Validate()).Field);
        var twice = CaseLimitsTable.Defaults with { Requests = [.. CaseLimitsTable.Defaults.Requests, CaseLimitsTable.Defaults.Requests[0]] };
        Assert.Equal("request:AccountOpening", Assert.Single(twice.Validate()).Field);
    }

    [Theory]
    [InlineData(0, 60, "promptlyMinutes")]
    [InlineData(10, 0, "dueSoonMinutes")]
    [InlineData(10_001, 60, "promptlyMinutes")]
    public void Promptly_and_due_soon_are_minutes_in_range(int promptly, int dueSoon, string field) =>
        Assert.Equal(field, Assert.Single((CaseLimitsTable.Defaults with { PromptlyMinutes = promptly, DueSoonMinutes = dueSoon }).Validate()).Field);

    [Fact]
    public void A_change_reads_as_before_and_after()
    {
        var after = CaseLimitsTable.Defaults with
        {
            ComplaintResolution = new(TimeLimit.WorkingDays(4), TimeLimit.WorkingDays(2)),
            PromptlyMinutes = 5,
        };
        var setting = new CaseLimitsSetting();
        Assert.Equal("complaintResolution standard: 5 working day(s) → 4 working day(s); promptly: 10 → 5 min", setting.DescribeChange(CaseLimitsTable.Defaults, after));
        Assert.Equal("no change", setting.DescribeChange(CaseLimitsTable.Defaults, CaseLimitsTable.Defaults));
    }

    [Fact]
    public void The_setting_is_stored_under_case_limits_and_round_trips_as_json()
    {
        var setting = new CaseLimitsSetting();
        Assert.Equal("case-limits", setting.Key);
        var json = System.Text.Json.JsonSerializer.Serialize(setting.Default, SettingsStore.Json);
        var back = System.Text.Json.JsonSerializer.Deserialize<CaseLimitsTable>(json, SettingsStore.Json)!;
        Assert.Equal(setting.Default.Requests, back.Requests);
        Assert.Equal(setting.Default.ComplaintFirstResponse, back.ComplaintFirstResponse);
        Assert.Empty(setting.Validate(back));
    }
}
