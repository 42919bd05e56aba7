using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Model;

namespace Portal.IntegrationTests.DemoData;

/// <summary>The demo's chat history looks like a real desk's: what the supervisor panel and the reports will show.</summary>
public sealed class ChatHistoryDemoTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Three_months_of_business_hour_chats_with_busier_Mondays_and_Fridays_abandonment_transfers_and_ratings()
    {
        var chats = await app.WithDbAsync(db => db.Set<Conversation>().AsNoTracking().ToListAsync());
        var calendar = await app.Services.GetRequiredService<BusinessCalendarProvider>().GetAsync();

        Assert.InRange(chats.Count, 1_000, 3_000);
        Assert.True((chats.Max(c => c.QueuedAt) - chats.Min(c => c.QueuedAt)).TotalDays >= 85, "The history does not span three months.");
        Assert.All(chats, c => Assert.True(calendar.IsOpen(c.QueuedAt), $"{c.QueuedAt} is outside business hours."));
        Assert.All(chats, c => Assert.True(c.State is ConversationState.Ended or ConversationState.Abandoned, $"{c.Id} is still {c.State}."));

        var perDay = chats.GroupBy(c => calendar.DateOf(c.QueuedAt)).ToList();
        double Average(DayOfWeek day) => perDay.Where(d => d.Key.DayOfWeek == day).Average(d => d.Count());
        Assert.True(Average(DayOfWeek.Monday) > Average(DayOfWeek.Wednesday) * 1.2, "Mondays are not busier.");
        Assert.True(Average(DayOfWeek.Friday) > Average(DayOfWeek.Wednesday) * 1.1, "Fridays are not busier.");

        var answered = chats.Where(c => c.AcceptedAt is not null).ToList();
        var serviceLevel = answered.Count(c => (c.AcceptedAt!.Value - c.QueuedAt).TotalSeconds <= 30) / (double)answered.Count;
        Assert.InRange(serviceLevel, 0.85, 0.99);
        Assert.InRange(chats.Count(c => c.State == ConversationState.Abandoned) / (double)chats.Count, 0.005, 0.06);
        Assert.InRange(chats.Count(c => c.TransferCount > 0) / (double)chats.Count, 0.02, 0.2);
        Assert.Equal([1, 2, 3, 4, 5], chats.Where(c => c.Rating is not null).Select(c => c.Rating!.Value).Distinct().Order());
        Assert.True(chats.Select(c => c.AgentUserId).Distinct().Count() >= 12, "Fewer than 12 agents took chats.");
    }

    [Fact]
    public async Task Every_past_chat_has_gapless_messages_and_a_transferred_one_ends_with_the_specialist()
    {
        var messages = await app.WithDbAsync(db => db.Set<ConversationMessage>().AsNoTracking()
            .Select(m => new { m.ConversationId, m.Sequence, m.Sender, m.SenderUserId }).ToListAsync());
        var chats = await app.WithDbAsync(db => db.Set<Conversation>().AsNoTracking().Where(c => c.State == ConversationState.Ended).ToListAsync());
        var transfers = await app.WithDbAsync(db => db.Set<ConversationTransfer>().AsNoTracking().ToListAsync());

        var byChat = messages.GroupBy(m => m.ConversationId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Sequence).ToList());
        Assert.All(chats, c =>
        {
            Assert.Equal(Enumerable.Range(1, (int)c.LastSequence).Select(i => (long)i), byChat[c.Id].Select(m => m.Sequence));
            Assert.Equal(ChatParty.Agent, byChat[c.Id][0].Sender);
        });
        var transferred = chats.First(c => c.TransferCount > 0);
        Assert.Equal(ChatTeams.Specialists, transfers.Single(t => t.ConversationId == transferred.Id).ToTeam);
        Assert.Equal(transferred.AgentUserId, byChat[transferred.Id].Last(m => m.Sender == ChatParty.Agent).SenderUserId);
    }

    [Fact]
    public async Task The_desk_has_canned_responses_in_both_languages_for_every_shortcut()
    {
        var canned = await app.WithDbAsync(db => db.Set<CannedResponseEntry>().AsNoTracking().ToListAsync());

        Assert.True(canned.Count >= 10);
        Assert.All(canned.GroupBy(c => c.Shortcut), g => Assert.Equal(["en", "zh-Hans"], g.Select(c => c.Culture).Order()));
    }
}
