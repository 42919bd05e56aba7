using System.Globalization;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Settings;

namespace Portal.Web.Features.Booking;

/// <summary>
/// The booking setting (admin-editable): monthly limits per tier, counted by the appointment's start month in the
/// business time zone over Requested, Confirmed, Completed and NoShow; and the investor's reschedule/cancel cut-off.
/// </summary>
public sealed record BookingRules(int GoldMonthlyLimit, int DiamondMonthlyLimit, int CutOffHours)
{
    public const int MaxMonthlyLimit = 31;
    public const int MaxCutOffHours = 168;
    public const string LimitRangeError = "Rules.Error.Limit";
    public const string CutOffRangeError = "Rules.Error.CutOff";

    public static readonly BookingRules Defaults = new(2, 6, 12);

    /// <summary>The monthly limit of a tier; 0 for Silver, who book nobody.</summary>
    public int LimitFor(ClientTier tier) => tier switch
    {
        ClientTier.Gold => GoldMonthlyLimit,
        ClientTier.Diamond => DiamondMonthlyLimit,
        _ => 0,
    };

    public IReadOnlyList<SettingError> Validate()
    {
        var errors = new List<SettingError>();
        if (GoldMonthlyLimit is < 0 or > MaxMonthlyLimit)
        {
            errors.Add(new(nameof(GoldMonthlyLimit), LimitRangeError, Number(0), Number(MaxMonthlyLimit)));
        }

        if (DiamondMonthlyLimit is < 0 or > MaxMonthlyLimit)
        {
            errors.Add(new(nameof(DiamondMonthlyLimit), LimitRangeError, Number(0), Number(MaxMonthlyLimit)));
        }

        if (CutOffHours is < 0 or > MaxCutOffHours)
        {
            errors.Add(new(nameof(CutOffHours), CutOffRangeError, Number(0), Number(MaxCutOffHours)));
        }

        return errors;
    }

    public string DescribeChangeFrom(BookingRules before)
    {
        var parts = new List<string>();
        if (before.GoldMonthlyLimit != GoldMonthlyLimit)
        {
            parts.Add($"Gold monthly limit: {before.GoldMonthlyLimit} -> {GoldMonthlyLimit}");
        }

        if (before.DiamondMonthlyLimit != DiamondMonthlyLimit)
        {
            parts.Add($"Diamond monthly limit: {before.DiamondMonthlyLimit} -> {DiamondMonthlyLimit}");
        }

        if (before.CutOffHours != CutOffHours)
        {
            parts.Add($"cut-off hours: {before.CutOffHours} -> {CutOffHours}");
        }

        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The booking setting in the settings store (key <c>booking</c>).</summary>
public sealed class BookingRulesSetting : ISetting<BookingRules>
{
    public string Key => "booking";

    public BookingRules Default => BookingRules.Defaults;

    public IReadOnlyList<SettingError> Validate(BookingRules value) => value.Validate();

    public string DescribeChange(BookingRules before, BookingRules after) => after.DescribeChangeFrom(before);
}
