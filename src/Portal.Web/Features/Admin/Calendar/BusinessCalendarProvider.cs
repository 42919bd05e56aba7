using Microsoft.Extensions.Options;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Hosting;

namespace Portal.Web.Features.Admin.Calendar;

/// <summary>
/// The business calendar setting: Monday to Friday 09:00–17:30 in the portal's default time zone (Asia/Shanghai),
/// with the shipped public holidays, until an admin saves it.
/// </summary>
public sealed class BusinessCalendarSetting(IOptions<PortalOptions> portal) : ISetting<BusinessCalendarSettings>
{
    public string Key => "business-calendar";

    public BusinessCalendarSettings Default => new(portal.Value.DefaultTimeZone, BusinessCalendarSettings.StandardWeek, ShippedHolidays.Days);

    public IReadOnlyList<SettingError> Validate(BusinessCalendarSettings value) => value.Validate();

    public string DescribeChange(BusinessCalendarSettings before, BusinessCalendarSettings after) => after.DescribeChangeFrom(before);
}

/// <summary>
/// The business calendar in force, for cases (SLA clocks), chat (offline hours) and booking (holidays). It is read from
/// the database on every call, so a change an admin saves applies at once on every instance.
/// </summary>
public sealed class BusinessCalendarProvider(SettingsStore store, BusinessCalendarSetting setting)
{
    public async Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken = default) =>
        (await store.GetAsync(setting, cancellationToken)).Value.ToCalendar();
}
