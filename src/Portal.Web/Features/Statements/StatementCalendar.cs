using Microsoft.Extensions.Options;
using Portal.Web.Hosting;

namespace Portal.Web.Features.Statements;

/// <summary>Today's date and times in the firm's time zone (statement months follow Asia/Shanghai).</summary>
public sealed class StatementCalendar(TimeProvider clock, IOptions<PortalOptions> portal)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(portal.Value.DefaultTimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    public DateOnly CurrentMonth => StatementsMapping.MonthOf(Today);

    /// <summary>The latest month that has ended, i.e. the newest month a statement can exist for.</summary>
    public DateOnly LastClosedMonth => CurrentMonth.AddMonths(-1);

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);
}
