using System.Globalization;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Settings;

namespace Portal.Web.Features.Cases;

/// <summary>How a time limit counts: business minutes, working days, or "promptly" (the table's <see cref="CaseLimitsTable.PromptlyMinutes"/>).</summary>
public enum TimeLimitUnit
{
    Minutes = 0,
    WorkingDays = 1,
    Promptly = 2,
}

/// <summary>One time limit; <paramref name="Amount"/> is not used for <see cref="TimeLimitUnit.Promptly"/>.</summary>
public sealed record TimeLimit(TimeLimitUnit Unit, int Amount)
{
    public static TimeLimit Minutes(int amount) => new(TimeLimitUnit.Minutes, amount);

    public static TimeLimit WorkingDays(int amount) => new(TimeLimitUnit.WorkingDays, amount);

    public static readonly TimeLimit Promptly = new(TimeLimitUnit.Promptly, 0);

    public override string ToString() => Unit switch
    {
        TimeLimitUnit.Minutes => $"{Amount.ToString(CultureInfo.InvariantCulture)} min",
        TimeLimitUnit.WorkingDays => $"{Amount.ToString(CultureInfo.InvariantCulture)} working day(s)",
        _ => "promptly",
    };
}

/// <summary>A standard limit and a VIP one (Gold and Diamond).</summary>
public sealed record TierLimits(TimeLimit Standard, TimeLimit Vip)
{
    public TimeLimit For(ClientTier tier) => tier.IsVip() ? Vip : Standard;
}

public sealed record RequestTypeLimits(RequestType Type, TierLimits Limits);

/// <summary>
/// The time limits of cases (setting <c>case-limits</c>): per request type, a complaint's first response and its
/// resolution, what "promptly" means and how early a case counts as due soon. Defaults are DOMAIN.md's table.
/// Errors name the field (<c>request:PasswordReset:vip</c>, <c>complaintResolution:standard</c>, <c>promptlyMinutes</c>)
/// and a text of <c>CasesText</c>.
/// </summary>
public sealed record CaseLimitsTable(
    IReadOnlyList<RequestTypeLimits> Requests,
    TierLimits ComplaintFirstResponse,
    TierLimits ComplaintResolution,
    int PromptlyMinutes = 10,
    int DueSoonMinutes = 60)
{
    public const int MaxMinutes = 10_000;
    public const int MaxDays = 30;
    public const string MinutesRangeError = "Limits.Error.Minutes";
    public const string DaysRangeError = "Limits.Error.Days";
    public const string MissingError = "Limits.Error.Missing";

    public static CaseLimitsTable Defaults { get; } = new(
        [
            new(RequestType.AccountOpening, new(TimeLimit.Minutes(30), TimeLimit.Minutes(15))),
            new(RequestType.OnlineOpeningAssignment, new(TimeLimit.Minutes(20), TimeLimit.Minutes(5))),
            // "Follow up, done within 4 h" for VIPs.
            new(RequestType.AccountActivation, new(TimeLimit.WorkingDays(1), TimeLimit.Minutes(240))),
            new(RequestType.OnlineActivation, new(TimeLimit.Minutes(10), TimeLimit.Minutes(3))),
            new(RequestType.OnlineAccessChange, new(TimeLimit.WorkingDays(1), TimeLimit.Minutes(30))),
            new(RequestType.RemoteAssistance, new(TimeLimit.Promptly, TimeLimit.Minutes(3))),
            new(RequestType.AuthorisationCode, new(TimeLimit.Minutes(15), TimeLimit.Minutes(3))),
            new(RequestType.PasswordReset, new(TimeLimit.WorkingDays(1), TimeLimit.Minutes(15))),
            new(RequestType.AccountTransfer, new(TimeLimit.WorkingDays(1), TimeLimit.Minutes(30))),
            new(RequestType.AccountClosing, new(TimeLimit.WorkingDays(1), TimeLimit.Minutes(30))),
            new(RequestType.Other, new(TimeLimit.Minutes(30), TimeLimit.Minutes(30))),
        ],
        new(TimeLimit.WorkingDays(1), TimeLimit.Minutes(240)),
        new(TimeLimit.WorkingDays(5), TimeLimit.WorkingDays(2)));

    /// <summary>The limits of a request type; a type missing from a saved table falls back to the default row.</summary>
    public TierLimits For(RequestType type) =>
        Requests.FirstOrDefault(r => r.Type == type)?.Limits ?? Defaults.Requests.First(r => r.Type == type).Limits;

    public IReadOnlyList<SettingError> Validate()
    {
        var errors = new List<SettingError>();
        foreach (var type in Enum.GetValues<RequestType>())
        {
            var rows = Requests.Count(r => r.Type == type);
            if (rows != 1)
            {
                errors.Add(new($"request:{type}", MissingError));
            }
        }

        foreach (var (field, limits) in Rows())
        {
            Check(errors, $"{field}:standard", limits.Standard);
            Check(errors, $"{field}:vip", limits.Vip);
        }

        Check(errors, "promptlyMinutes", new TimeLimit(TimeLimitUnit.Minutes, PromptlyMinutes));
        Check(errors, "dueSoonMinutes", new TimeLimit(TimeLimitUnit.Minutes, DueSoonMinutes));

        return errors;
    }

    public string DescribeChangeFrom(CaseLimitsTable before)
    {
        var was = before.Rows().ToDictionary(r => r.Field, r => r.Limits);
        var parts = new List<string>();
        foreach (var (field, limits) in Rows())
        {
            if (!was.TryGetValue(field, out var old))
            {
                parts.Add($"{field}: {limits.Standard} / {limits.Vip}");
                continue;
            }

            if (old.Standard != limits.Standard)
            {
                parts.Add($"{field} standard: {old.Standard} → {limits.Standard}");
            }

            if (old.Vip != limits.Vip)
            {
                parts.Add($"{field} VIP: {old.Vip} → {limits.Vip}");
            }
        }

        if (before.PromptlyMinutes != PromptlyMinutes)
        {
            parts.Add($"promptly: {Number(before.PromptlyMinutes)} → {Number(PromptlyMinutes)} min");
        }

        if (before.DueSoonMinutes != DueSoonMinutes)
        {
            parts.Add($"due soon: {Number(before.DueSoonMinutes)} → {Number(DueSoonMinutes)} min");
        }

        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    private IEnumerable<(string Field, TierLimits Limits)> Rows() =>
        Requests.Select(r => ($"request:{r.Type}", r.Limits))
            .Append(("complaintFirstResponse", ComplaintFirstResponse))
            .Append(("complaintResolution", ComplaintResolution));

    private static void Check(List<SettingError> errors, string field, TimeLimit limit)
    {
        if (Check(field, limit) is { } error)
        {
            errors.Add(error);
        }
    }

    /// <summary>One limit's problem, if it has one (the editor checks an amount with it while it is typed).</summary>
    public static SettingError? Check(string field, TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.Minutes when limit.Amount is < 1 or > MaxMinutes => new(field, MinutesRangeError, Number(1), Number(MaxMinutes)),
        TimeLimitUnit.WorkingDays when limit.Amount is < 1 or > MaxDays => new(field, DaysRangeError, Number(1), Number(MaxDays)),
        TimeLimitUnit.Minutes or TimeLimitUnit.WorkingDays or TimeLimitUnit.Promptly => null,
        _ => new(field, MissingError),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The case limits setting; until an admin saves it, <see cref="CaseLimitsTable.Defaults"/>.</summary>
public sealed class CaseLimitsSetting : ISetting<CaseLimitsTable>
{
    public string Key => "case-limits";

    public CaseLimitsTable Default => CaseLimitsTable.Defaults;

    public IReadOnlyList<SettingError> Validate(CaseLimitsTable value) => value.Validate();

    public string DescribeChange(CaseLimitsTable before, CaseLimitsTable after) => after.DescribeChangeFrom(before);
}
