using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Statements;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Notifications.Inbox;
using Portal.Web.Features.Notifications.Outbox;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests.Notifications;

/// <summary>The events wired to notifications: month-end, a failed transaction in an import, account security, announcements.</summary>
public sealed class NotificationEventsTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task Month_end_puts_statement_ready_in_the_investors_inbox_once_however_often_it_runs()
    {
        var month = app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth;
        var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var silver = await UserIdOfAsync(DemoUsers.SilverInvestor);
        await using var scope = app.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month);
        await NotificationsApp.DrainAsync(app.NewDispatcher());
        await scope.ServiceProvider.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month);
        await NotificationsApp.DrainAsync(app.NewDispatcher());
        var inbox = await app.Services.GetRequiredService<NotificationInbox>().ListAsync(InvestorActor(silver), archived: false, 0, 50);

        var item = Assert.Single(inbox.Rows, r => r.Topic == NotificationTopic.StatementReady && r.Link == $"/statements/{key}");
        Assert.Equal($"Your statement for {key} is ready", item.Title);
        Assert.False(item.Read);
    }

    [Fact]
    public async Task A_failed_transaction_in_an_import_tells_its_investor_in_the_same_transaction()
    {
        var (userId, accountNumber) = await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.UserId != null && i.Email == DemoUsers.GoldInvestor)
            .Select(i => new ValueTuple<string, string>(i.UserId!, i.AccountNumber)).SingleAsync());
        var day = app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = string.Join('\n',
            string.Join(',', TransactionImporter.TransactionColumns),
            $"TEST-NOTIFY-1,{accountNumber},{accountNumber}-1,{day},Subscription,Failed,000707,100.00,0.9012,90000.00,,,,,InsufficientFunds",
            $"TEST-NOTIFY-2,{accountNumber},{accountNumber}-1,{day},Deposit,Confirmed,,,,100.00,,,,,");

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TransactionImporter>()
            .ImportAsync(TestActors.Admin, ImportKind.Transactions, "notify.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), false);
        await NotificationsApp.DrainAsync(app.NewDispatcher());
        var mail = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == DemoUsers.GoldInvestor) && m.Subject?.StartsWith("A transaction failed", StringComparison.Ordinal) == true);
        var inbox = await app.Services.GetRequiredService<NotificationInbox>().ListAsync(InvestorActor(userId), archived: false, 0, 50);

        Assert.Equal(2, result.Imported);
        Assert.Equal("A transaction failed: Subscription of ¥90,000.00", mail.Subject);
        Assert.Contains("Reason: " + app.Text<Portal.Web.Resources.StatementsText>("Reason.InsufficientFunds"), mail.TextBody, StringComparison.Ordinal);
        Assert.Single(inbox.Rows, r => r.Topic == NotificationTopic.FailedTransaction);
    }

    [Fact]
    public async Task A_password_change_and_a_sign_in_from_a_new_device_are_security_notices_and_a_known_device_is_not()
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        using var client = await app.SignedInClientAsync(user.Email, user.Password);
        using (await client.SignInAsync(user.Email, user.Password))
        {
        }

        const string NewPassword = "Changed-Password-2026";
        using var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = user.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        using var elsewhere = await app.SignedInClientAsync(user.Email, NewPassword);
        var templates = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.RecipientUserId == user.Id && m.Topic == NotificationTopic.Security)
            .OrderBy(m => m.Id).Select(m => m.Template).ToListAsync());

        Assert.Equal("/Account/Manage/ChangePassword?done=true", changed.RedirectTarget());
        Assert.Equal(["new-device-sign-in", "password-changed", "new-device-sign-in"], templates);
    }

    [Fact]
    public async Task An_announcement_to_investors_reaches_those_who_read_the_portal_in_its_language()
    {
        var silver = await UserIdOfAsync(DemoUsers.SilverInvestor);
        var diamond = await UserIdOfAsync(DemoUsers.DiamondInvestor);
        await app.Services.GetRequiredService<Portal.Web.Features.Notifications.Preferences.NotificationPreferences>().RememberCultureAsync(diamond, "zh-Hans");
        await app.WithDbAsync(db =>
        {
            app.Outbox.AddToInvestors(db, "zh-Hans", NotificationTopic.Announcements, "announcement-published",
                new Dictionary<string, string> { ["title"] = "春节休市安排", ["summary"] = "s" }, "/announcements#holiday");
            return db.SaveChangesAsync();
        });

        await NotificationsApp.DrainAsync(app.NewDispatcher());
        var inboxes = app.Services.GetRequiredService<NotificationInbox>();
        var diamondInbox = await inboxes.ListAsync(InvestorActor(diamond), archived: false, 0, 50);
        var silverInbox = await inboxes.ListAsync(InvestorActor(silver), archived: false, 0, 50);

        Assert.Contains(diamondInbox.Rows, r => r.Title == "新公告：春节休市安排" && r.Link == "/announcements#holiday");
        Assert.DoesNotContain(silverInbox.Rows, r => r.Title.Contains("春节休市安排", StringComparison.Ordinal));
    }

    private Task<string> UserIdOfAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Actor InvestorActor(string userId) => new(userId, "investor", new HashSet<string> { Roles.Investor }, null, null);
}
