using Portal.Web.Features.Accounts;
using Portal.Web.Features.Booking;

namespace Portal.UnitTests.Booking;

public sealed class BookingRulesTests
{
    [Fact]
    public void The_defaults_are_gold_2_diamond_6_and_a_12_hour_cut_off_and_silver_books_nothing()
    {
        var rules = new BookingRulesSetting().Default;

        Assert.Equal(2, rules.LimitFor(ClientTier.Gold));
        Assert.Equal(6, rules.LimitFor(ClientTier.Diamond));
        Assert.Equal(0, rules.LimitFor(ClientTier.Silver));
        Assert.Equal(12, rules.CutOffHours);
        Assert.Empty(rules.Validate());
    }

    [Fact]
    public void Out_of_range_values_are_refused_by_field()
    {
        var errors = new BookingRules(-1, 32, 200).Validate();

        Assert.Equal([nameof(BookingRules.GoldMonthlyLimit), nameof(BookingRules.DiamondMonthlyLimit), nameof(BookingRules.CutOffHours)], errors.Select(e => e.Field));
    }

    [Fact]
    public void Weekly_hours_survive_the_profile_text()
    {
        IReadOnlyList<WeeklyHours> hours = [new(DayOfWeek.Tuesday, new TimeOnly(13, 30), new TimeOnly(17, 0)), new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))];

        var text = AdviserHours.Format(hours);

        Assert.Equal("1 09:00-12:00;2 13:30-17:00", text);
        Assert.Equal(hours.OrderBy(h => h.Day), AdviserHours.Parse(text));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, null)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    public void A_photo_is_known_by_its_bytes(byte[] content, string? expected) =>
        Assert.Equal(expected, AdviserDesk.SniffImage(content));
}
