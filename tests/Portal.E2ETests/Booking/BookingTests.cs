using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Chat;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Booking;

/// <summary>Adviser booking through the pages (issue 12): an investor and the adviser in two browsers.</summary>
public sealed partial class BookingTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_gold_investor_books_the_adviser_confirms_the_investor_reschedules_and_both_see_each_change_live()
    {
        var adviserPage = await OpenAnotherBrowserAsync();
        await SignInAsync(adviserPage, DemoAccounts.Adviser);
        await SignInAsync(DemoAccounts.GoldInvestor);
        var investor = new BookingPages(Page);
        var adviser = new BookingPages(adviserPage);
        await adviser.OpenAsync("/adviser");
        await adviserPage.GetByRole(AriaRole.Tab, new() { Name = "Requests" }).ClickAsync();

        // The investor sees their adviser, the allowance and the zone, and books the first open time.
        await investor.OpenAsync("/advisers");
        var card = Page.Locator("[data-testid=adviser-card]").First;
        await Expect(card).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=allowance]")).ToHaveTextAsync(new Regex(@"^\d+ of 2 bookings left this month$"));
        await Expect(Page.Locator("[data-testid=zone]")).ToContainTextAsync("Times shown in");
        // The first open time whose week has another on a different day, so that the move below stays in the week the
        // adviser looks at (late in a week the times left may be one day's, next to each other, and booking one takes the
        // other's buffer).
        var offered = await BookingPages.SlotButtons(card).EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.getAttribute('aria-label'))");
        var times = offered.Select(BookingPages.SlotTime).ToList();
        var pick = times.FindIndex(t => times.Any(o => o.Date != t.Date && Monday(o) == Monday(t)));
        var booked = times[pick];
        var first = BookingPages.SlotButtons(card).Nth(pick);
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("booking-advisers-1280.png"), FullPage = true });
        await first.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("Write what you would like to talk about.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Topic").FillAsync("Review of my bond funds");
        await dialog.GetByLabel("Questions for the meeting (optional)").FillAsync("Should I move part into money market funds?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).DblClickAsync();
        var confirmation = Page.Locator("[data-testid=booked]");
        await Expect(confirmation).ToContainTextAsync("your adviser will confirm it");
        await Expect(confirmation.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" })).ToHaveAttributeAsync("href", new Regex(@"^/appointments/\d+/ics$"));
        var reference = ReferenceIn(await confirmation.InnerTextAsync());
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("booking-booked-1280.png"), FullPage = true });

        // The appointments page lists it once, awaiting confirmation.
        await investor.OpenAsync("/appointments");
        var mine = investor.Appointment(reference);
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Awaiting confirmation");
        await Expect(mine).ToContainTextAsync(booked.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

        // The adviser, on the desk since before the booking, sees the request arrive, and confirms it; the investor sees "Confirmed" without reloading.
        await adviserPage.GetByRole(AriaRole.Button, new() { Name = $"Open {reference}" }).ClickAsync();
        var detail = adviserPage.GetByRole(AriaRole.Dialog);
        await Expect(detail).ToContainTextAsync("Review of my bond funds");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(detail.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Confirmed");
        await adviserPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("booking-adviser-detail-1280.png"), FullPage = true });
        await detail.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(mine.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Confirmed");

        // The adviser looks at the week of the appointment.
        await adviserPage.GetByRole(AriaRole.Tab, new() { Name = "Schedule" }).ClickAsync();
        var week = Monday(booked);
        await adviser.ShowWeekAsync(week);

        var items = adviserPage.Locator("[data-testid=schedule-item]").Filter(new() { HasText = DemoAccounts.GoldInvestorName });
        await Expect(items.Filter(new() { HasText = booked.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" })).Not.ToHaveCountAsync(0);
        await adviserPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("booking-adviser-week-1280.png"), FullPage = true });

        // The investor moves it to another open time in the same week; both pages show the new time without reloading.
        await mine.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        var move = Page.GetByRole(AriaRole.Dialog);
        var choices = BookingPages.SlotButtons(move);
        await Expect(choices.First).ToBeVisibleAsync();
        var names = await choices.EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.getAttribute('aria-label'))");
        var target = names.Select(BookingPages.SlotTime).First(t => t != booked && Monday(t) == week);
        await move.GetByRole(AriaRole.Button, new() { Name = "Book " + target.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        await Expect(Page.GetByText($"{reference} moved to {target:yyyy-MM-dd HH:mm}.")).ToBeVisibleAsync();
        await Expect(mine).ToContainTextAsync(target.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await Expect(items.Filter(new() { HasText = target.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" })).Not.ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("booking-appointments-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task A_silver_investor_sees_what_the_service_is_and_the_gold_thresholds_in_force()
    {
        await SignInAsync(DemoAccounts.SilverInvestor);
        var pages = new BookingPages(Page);

        await pages.OpenAsync("/advisers");

        var eligibility = Page.Locator("[data-testid=eligibility]");
        await Expect(eligibility.GetByRole(AriaRole.Heading, new() { Name = "One-to-one adviser meetings" })).ToBeVisibleAsync();
        await Expect(eligibility.Locator("[data-testid=gold-thresholds]")).ToHaveTextAsync(new Regex(@"deposits of at least ¥[\d,.]+ and at least \d+ lots traded"));
        await Expect(eligibility.GetByRole(AriaRole.Link, new() { Name = "Ask us in the chat" })).ToHaveAttributeAsync("href", "/chat");
        await Expect(Page.Locator("[data-testid=adviser-card]")).ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("booking-eligibility-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task A_diamond_investor_cancels_an_appointment_and_is_offered_a_file_that_removes_it_from_the_calendar()
    {
        await SignInAsync(DemoAccounts.DiamondInvestor);
        var pages = new BookingPages(Page);
        await pages.OpenAsync("/appointments");
        var cancel = Page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" });
        var first = Page.GetByTestId("upcoming").Locator("[data-testid=appointment]").Filter(new() { Has = cancel }).First;
        var reference = AppointmentReference().Match(await first.InnerTextAsync()).Value;
        await Expect(first.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" })).ToBeVisibleAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel it" }).ClickAsync();

        await Expect(Page.GetByText($"{reference} is cancelled.")).ToBeVisibleAsync();
        var mine = pages.Appointment(reference);
        await Expect(mine.Locator("[data-testid=appointment-status]")).ToHaveTextAsync("Cancelled by you");
        var remove = mine.GetByRole(AriaRole.Link, new() { Name = "Remove from calendar" });
        await Expect(remove).ToBeVisibleAsync();
        var file = await Page.APIRequest.GetAsync(await remove.GetAttributeAsync("href") ?? "");
        var lines = (await file.TextAsync()).Split("\r\n");
        Assert.Contains("METHOD:CANCEL", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains(lines, l => l.StartsWith("UID:appointment-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_booking_pages_fit_a_phone()
    {
        var adviserPage = await OpenAnotherBrowserAsync(Phone);
        await SignInAsync(adviserPage, DemoAccounts.Adviser);
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await SignInAsync(DemoAccounts.GoldInvestor);

        foreach (var (page, path, shot) in new[] { (Page, "/advisers", "advisers"), (Page, "/appointments", "appointments"), (adviserPage, "/adviser", "adviser") })
        {
            await new BookingPages(page).OpenAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf($"booking-{shot}-390.png"), FullPage = true });
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways on a phone.");
        }

        await adviserPage.GetByRole(AriaRole.Tab, new() { Name = "Availability" }).ClickAsync();
        await Expect(adviserPage.GetByRole(AriaRole.Heading, new() { Name = "When clients can book you" })).ToBeVisibleAsync();
        await adviserPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("booking-adviser-availability-390.png"), FullPage = true });
        Assert.True(await adviserPage.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The availability tab scrolls sideways on a phone.");
    }

    private static DateTime Monday(DateTime day) => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static string ReferenceIn(string text) => ReferencePattern().Match(text) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No reference in: " + text);

    [GeneratedRegex(@"B-\d{6}")]
    private static partial Regex AppointmentReference();

    [GeneratedRegex(@"Booked (\S+) with")]
    private static partial Regex ReferencePattern();
}
