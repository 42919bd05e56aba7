using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Notifications.Preferences;

namespace Portal.IntegrationTests.Notifications;

/// <summary>
/// What a mail server receives (a real SMTP listener on loopback): subject, bodies, language, links from the public base
/// URL, the one-click unsubscribe headers; and the unsubscribe link itself, without signing in.
/// </summary>
public sealed class NotificationEmailTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task An_optional_notification_arrives_in_the_recipients_language_with_an_unsubscribe_link_and_headers()
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        await app.Services.GetRequiredService<NotificationPreferences>().RememberCultureAsync(user.Id, "zh-Hans");
        await app.AddAsync(user.Id, NotificationTopic.FailedTransaction, "transaction-failed", new Dictionary<string, string>
        {
            ["type"] = "申购", ["amount"] = "¥12,000.00", ["date"] = "2026-11-03", ["account"] = "8800012345", ["reason"] = "余额不足 <b>",
        }, "/transactions");

        await NotificationsApp.DrainAsync(app.NewDispatcher());
        var mail = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == user.Email));

        Assert.Equal("交易失败：申购 ¥12,000.00", mail.Subject);
        Assert.Contains("原因：余额不足 <b>", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("余额不足 &lt;b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PortalApp.PublicBaseUrl}/transactions\"", mail.HtmlBody, StringComparison.Ordinal);
        var unsubscribe = mail.Headers[HeaderId.ListUnsubscribe];
        Assert.StartsWith($"<{PortalApp.PublicBaseUrl}/unsubscribe?topic=FailedTransaction&token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe!.Trim('<', '>'), mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_notification_arrives_in_english_by_default_without_an_unsubscribe_link()
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        await app.AddAsync(user.Id, NotificationTopic.StatementReady, "statement-ready", new Dictionary<string, string> { ["month"] = "2026-11" }, "/statements/2026-11");

        await NotificationsApp.DrainAsync(app.NewDispatcher());
        var mail = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == user.Email));

        Assert.Equal("Your statement for 2026-11 is ready", mail.Subject);
        Assert.Contains($"{PortalApp.PublicBaseUrl}/statements/2026-11", mail.TextBody, StringComparison.Ordinal);
        Assert.False(mail.Headers.Contains(HeaderId.ListUnsubscribe));
        Assert.DoesNotContain("/unsubscribe", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_then_turns_that_topics_email_and_sms_off_without_signing_in()
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        var link = app.Services.GetRequiredService<UnsubscribeTokens>().LinkFor(user.Id, NotificationTopic.MarketNotices);
        using var client = app.CreatePortalClient();

        using var ask = await client.GetAsync(link.PathAndQuery);
        var before = await PreferencesOf(user, NotificationTopic.MarketNotices);
        using var done = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var after = await PreferencesOf(user, NotificationTopic.MarketNotices);

        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(app.Text<Portal.Web.Resources.NotificationsText>("UnsubscribeAsk", "en", "Market notices")),
            await ask.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, after with { Email = before.Email });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(new ChannelChoice(Inbox: true, Email: false, Sms: false), after);
    }

    [Fact]
    public async Task An_unsubscribe_token_that_was_tampered_with_expired_or_is_for_another_topic_is_refused()
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        var tokens = app.Services.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.Create(user.Id, NotificationTopic.Announcements);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var expired = new UnsubscribeTokens(app.Services.GetRequiredService<IDataProtectionProvider>(), app.Services.GetRequiredService<PublicLinks>(),
            app.Services.GetRequiredService<IOptions<NotificationsOptions>>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-365)))
            .Create(user.Id, NotificationTopic.Announcements);
        using var client = app.CreatePortalClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var (topic, candidate) in new[] { ("Announcements", tampered), ("Announcements", expired), ("MarketNotices", token), ("Announcements", token) })
        {
            using var response = await client.PostAsync($"/unsubscribe?topic={topic}&token={Uri.EscapeDataString(candidate)}", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK], statuses);
        Assert.Equal(new ChannelChoice(Inbox: true, Email: false, Sms: false), await PreferencesOf(user, NotificationTopic.Announcements));
        Assert.Equal(TopicDefaults.For(NotificationTopic.MarketNotices), await PreferencesOf(user, NotificationTopic.MarketNotices));
    }

    private async Task<ChannelChoice> PreferencesOf(TestUser user, NotificationTopic topic) =>
        (await app.Services.GetRequiredService<NotificationPreferences>().GetAsync(new Actor(user.Id, user.Email, new HashSet<string> { Roles.Investor }, null, null)))[topic];
}
