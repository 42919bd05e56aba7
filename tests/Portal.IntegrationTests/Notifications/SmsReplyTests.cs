using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Notifications.Preferences;

namespace Portal.IntegrationTests.Notifications;

/// <summary>A STOP reply to the portal's SMS, posted by the SMS provider to <c>/sms/inbound</c>.</summary>
public sealed class SmsReplyTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task A_STOP_reply_turns_SMS_off_for_every_optional_topic_of_that_number_only_and_needs_the_providers_key()
    {
        var stopping = await UserWithMobileAsync("13900000101");
        var other = await UserWithMobileAsync("13900000102");
        var preferences = app.Services.GetRequiredService<NotificationPreferences>();
        await preferences.SaveAsync(ActorOf(stopping), NotificationTopic.CaseUpdates, new ChannelChoice(Inbox: true, Email: true, Sms: true));
        await preferences.SaveAsync(ActorOf(stopping), NotificationTopic.Security, new ChannelChoice(Inbox: true, Email: true, Sms: true));
        await preferences.SaveAsync(ActorOf(other), NotificationTopic.CaseUpdates, new ChannelChoice(Inbox: true, Email: true, Sms: true));
        using var client = app.CreateClient();

        using var noKey = await client.PostAsJsonAsync("/sms/inbound", new { from = "13900000101", text = "STOP" });
        using var wrongKey = await PostAsync(client, "wrong-key", "13900000101", "STOP");
        using var tooLong = await PostAsync(client, NotificationsApp.SmsInboundKey, "13900000101", new string('x', 1_001));
        using var chatter = await PostAsync(client, NotificationsApp.SmsInboundKey, "13900000101", "thanks!");
        var afterRefused = await preferences.GetAsync(ActorOf(stopping));
        using var stop = await PostAsync(client, NotificationsApp.SmsInboundKey, "13900000101", " stop ");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("""{"stopped":0}""", await chatter.Content.ReadAsStringAsync());
        Assert.True(afterRefused[NotificationTopic.CaseUpdates].Sms);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("""{"stopped":1}""", await stop.Content.ReadAsStringAsync());

        var stopped = await preferences.GetAsync(ActorOf(stopping));
        Assert.All(TopicDefaults.All.Where(t => !TopicDefaults.IsRequired(t)), t => Assert.False(stopped[t].Sms, $"{t} still sends SMS"));
        Assert.True(stopped[NotificationTopic.CaseUpdates].Email);
        Assert.True(stopped[NotificationTopic.Security].Sms); // required: a STOP does not silence security notices
        Assert.True((await preferences.GetAsync(ActorOf(other)))[NotificationTopic.CaseUpdates].Sms);
    }

    private async Task<TestUser> UserWithMobileAsync(string mobile)
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, mobile)));
        return user;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string from, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = JsonContent.Create(new { from, text }) };
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }

    private static Actor ActorOf(TestUser user) => new(user.Id, user.Email, new HashSet<string> { Roles.Investor }, null, "127.0.0.1");
}
