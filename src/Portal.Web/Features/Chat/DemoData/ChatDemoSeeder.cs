using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Chat.Model;

namespace Portal.Web.Features.Chat.DemoData;

/// <summary>
/// Three months of past chats (up to now; all ended), so the supervisor panel and the reports have something true to
/// show: business hours only, mornings and early afternoons busier, Mondays and Fridays busier, most answered within
/// 30 seconds, some abandoned in the queue, some transferred to a specialist, ratings. Also the desk's canned responses.
/// Deterministic for a given day; runs once (only while the chat tables are empty).
/// </summary>
internal sealed partial class ChatDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory, BusinessCalendarProvider calendars, TimeProvider clock, ILogger<ChatDemoSeeder> logger) : IDemoDataSeeder
{
    public const int Days = 91;
    private const int Seed = 20_261_202;
    private const int SaveEvery = 250;

    // Relative arrivals per half hour from 09:00: a morning peak, a lunch dip, an afternoon peak.
    private static readonly int[] s_halfHourWeights = [3, 6, 9, 10, 8, 5, 3, 4, 7, 9, 8, 6, 5, 4, 3, 2, 1, 1];

    private static readonly ChatTopic[] s_topics = [ChatTopic.General, ChatTopic.Statements, ChatTopic.Statements, ChatTopic.Trading, ChatTopic.Trading, ChatTopic.Complaints];

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<CannedResponseEntry>().AnyAsync(cancellationToken))
        {
            db.AddRange(ChatDemoScripts.CannedResponses.Select(c => new CannedResponseEntry { Shortcut = c.Shortcut, Culture = c.Culture, Title = c.Title, Text = c.Text, Version = 1 }));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.Set<Conversation>().AnyAsync(cancellationToken))
        {
            return;
        }

        var started = clock.GetTimestamp();
        var clients = await DemoDirectory.ListClientsAsync(db, cancellationToken);
        var desk = await DemoDirectory.ListDeskAsync(db, cancellationToken);
        var agents = desk.Where(d => !d.IsSpecialist).ToArray();
        var specialists = desk.Where(d => d.IsSpecialist).ToArray();
        if (clients.Count == 0 || agents.Length == 0 || specialists.Length == 0)
        {
            return;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var history = new HistoryWriter(new Random(Seed), calendar.TimeZone, clients, agents, specialists);
        var now = clock.GetUtcNow();
        var today = calendar.DateOf(now);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var date = today.AddDays(-Days); date <= today; date = date.AddDays(1))
        {
            if (calendar.HoursOn(date) is not { } hours)
            {
                continue;
            }

            foreach (var arrival in Arrivals(history.Random, calendar, date, hours).Where(a => a < now).Order())
            {
                history.Add(db, arrival, now);
                if (history.Conversations % SaveEvery == 0)
                {
                    await SaveAsync(db, cancellationToken);
                }
            }
        }

        await SaveAsync(db, cancellationToken);
        var elapsed = clock.GetElapsedTime(started);
        LogSeeded(history.Conversations, history.Messages, elapsed.TotalMilliseconds);
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The day's chat requests: about 22 a day, half as many again on Mondays, a third more on Fridays.</summary>
    private static IEnumerable<DateTimeOffset> Arrivals(Random random, BusinessCalendar calendar, DateOnly date, OpeningHours hours)
    {
        var factor = date.DayOfWeek switch
        {
            DayOfWeek.Monday => 1.5,
            DayOfWeek.Friday => 1.3,
            _ => 1.0,
        };
        var count = (int)Math.Round(22 * factor * (0.8 + (random.NextDouble() * 0.4)));
        var opens = date.ToDateTime(hours.Opens);
        var minutesOpen = (int)(hours.Closes - hours.Opens).TotalMinutes;
        var total = s_halfHourWeights.Sum();
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(total);
            var slot = 0;
            while (pick >= s_halfHourWeights[slot])
            {
                pick -= s_halfHourWeights[slot];
                slot++;
            }

            var minute = Math.Min((slot * 30) + random.Next(30), minutesOpen - 1);
            var local = opens.AddMinutes(minute).AddSeconds(random.Next(60));
            yield return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo chat history: {Conversations} conversations, {Messages} messages in {Milliseconds:F0} ms.")]
    private partial void LogSeeded(int conversations, int messages, double milliseconds);

    /// <summary>Writes one past conversation at a time, with its messages, transfer and note.</summary>
    private sealed class HistoryWriter(
        Random random, TimeZoneInfo timeZone, IReadOnlyList<DemoClient> clients, DemoDeskMember[] agents, DemoDeskMember[] specialists)
    {
        private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        // The named demo investors (they can sign in) come first; they get a share of the history too.
        private readonly DemoClient[] _signedIn = [.. clients.Where(c => c.UserId is not null)];

        private readonly Dictionary<string, ChatDemoScript[]> _scriptsByCulture =
            ChatDemoScripts.Scripts.GroupBy(s => s.Culture).ToDictionary(g => g.Key, g => g.ToArray());

        public Random Random => random;

        public int Conversations { get; private set; }

        public int Messages { get; private set; }

        /// <summary>Adds a conversation that arrived at <paramref name="queuedAt"/>, with its messages.</summary>
        public void Add(PortalDbContext db, DateTimeOffset queuedAt, DateTimeOffset now)
        {
            var client = _signedIn.Length > 0 && random.Next(12) == 0 ? _signedIn[random.Next(_signedIn.Length)] : clients[random.Next(clients.Count)];
            var culture = random.Next(8) == 0 ? "en" : "zh-Hans";
            var scripts = _scriptsByCulture[culture];
            var script = scripts[random.Next(scripts.Length)];
            // Waits are short most of the time; the morning and afternoon peaks make the long ones.
            var peak = TimeZoneInfo.ConvertTime(queuedAt, timeZone).Hour is 10 or 14 or 15;
            var waitSeconds = Math.Min(240, -Math.Log(1 - random.NextDouble()) * (peak ? 13 : 7));
            var conversation = new Conversation
            {
                Id = NewId(),
                InvestorId = client.InvestorId,
                InvestorUserId = client.UserId ?? "",
                InvestorName = client.Name,
                Tier = client.Tier,
                Topic = script.Topic,
                QueuedAt = queuedAt,
                LastActivityAt = queuedAt,
                Version = 1,
            };
            db.Add(conversation);
            Conversations++;

            var abandoned = (waitSeconds > 45 && random.Next(2) == 0) || random.Next(70) == 0;
            if (abandoned)
            {
                conversation.State = ConversationState.Abandoned;
                conversation.EndedAt = conversation.LastActivityAt = queuedAt.AddSeconds(Math.Max(5, waitSeconds));
                conversation.EndedBy = ChatParty.Investor;
                return;
            }

            var agent = agents[random.Next(agents.Length)];
            var acceptedAt = queuedAt.AddSeconds(waitSeconds);
            conversation.State = ConversationState.Active;
            conversation.FirstOfferedAt = queuedAt.AddSeconds(Math.Max(0, waitSeconds - random.Next(1, 5)));
            conversation.AcceptedAt = acceptedAt;
            conversation.AgentUserId = agent.UserId;
            conversation.AgentName = agent.Name;

            var at = acceptedAt.AddSeconds(random.Next(5, 25));
            conversation.FirstAgentReplyAt = at;
            Say(db, conversation, ChatParty.Agent, agent, ChatDemoScripts.Greeting(culture, agent.Name), at);
            var transferred = script.Topic == ChatTopic.Complaints ? random.Next(3) == 0 : random.Next(25) == 0;
            // The investor speaks on even lines, the desk on odd ones; a transfer hands the desk's last line to the specialist.
            var lastDeskLine = script.Lines.Length % 2 == 0 ? script.Lines.Length - 1 : script.Lines.Length - 2;
            for (var line = 0; line < script.Lines.Length; line++)
            {
                at = at.AddSeconds(random.Next(20, 110));
                var investorSpeaks = line % 2 == 0;
                var speaker = investorSpeaks ? null : agent;
                if (transferred && line == lastDeskLine)
                {
                    speaker = Transfer(db, conversation, agent, culture, ref at);
                    Say(db, conversation, ChatParty.Agent, speaker, ChatDemoScripts.TransferGreeting(culture, speaker.Name), at);
                    at = at.AddSeconds(random.Next(30, 90));
                }

                Say(db, conversation, investorSpeaks ? ChatParty.Investor : ChatParty.Agent, speaker, script.Lines[line], at);
            }

            var endedAt = at.AddSeconds(random.Next(30, 240));
            if (endedAt > now)
            {
                endedAt = now;
            }

            conversation.State = ConversationState.Ended;
            conversation.EndedAt = endedAt;
            conversation.LastActivityAt = endedAt;
            conversation.EndedBy = random.Next(3) == 0 ? ChatParty.Investor : ChatParty.Agent;
            conversation.InvestorReadUpTo = conversation.AgentReadUpTo = conversation.LastSequence;
            Rate(conversation);
            WrapUp(conversation, transferred, endedAt);
        }

        private DemoDeskMember Transfer(PortalDbContext db, Conversation conversation, DemoDeskMember agent, string culture, ref DateTimeOffset at)
        {
            var specialist = specialists[random.Next(specialists.Length)];
            var note = ChatDemoScripts.TransferNote(culture);
            at = at.AddSeconds(random.Next(20, 60));
            db.Add(new ConversationTransfer { ConversationId = conversation.Id, FromUserId = agent.UserId, ToTeam = ChatTeams.Specialists, Note = note, At = at });
            db.Add(new ConversationNote { ConversationId = conversation.Id, AuthorUserId = agent.UserId, AuthorName = agent.Name, Text = note, At = at, IsTransferNote = true });
            at = at.AddSeconds(random.Next(15, 70));
            conversation.TransferCount = 1;
            conversation.AgentUserId = specialist.UserId;
            conversation.AgentName = specialist.Name;
            return specialist;
        }

        private void Say(PortalDbContext db, Conversation conversation, ChatParty sender, DemoDeskMember? agent, string text, DateTimeOffset at)
        {
            var sequence = ++conversation.LastSequence;
            db.Add(new ConversationMessage
            {
                ConversationId = conversation.Id,
                Sequence = sequence,
                ClientMessageId = $"demo-{conversation.Id}-{sequence}",
                Sender = sender,
                SenderUserId = sender == ChatParty.Investor ? NullIfEmpty(conversation.InvestorUserId) : agent?.UserId,
                SenderName = sender == ChatParty.Investor ? conversation.InvestorName : agent?.Name ?? "",
                Text = text,
                SentAt = at,
            });
            Messages++;
        }

        private void Rate(Conversation conversation)
        {
            if (random.Next(100) >= 65)
            {
                return;
            }

            var roll = random.Next(100);
            conversation.Rating = roll switch
            {
                < 52 => 5,
                < 80 => 4,
                < 91 => 3,
                < 97 => 2,
                _ => 1,
            };
            if (random.Next(4) == 0)
            {
                var comments = ChatDemoScripts.RatingComments;
                conversation.RatingComment = conversation.Rating >= 4 ? comments[random.Next(3)] : comments[3 + random.Next(2)];
            }
        }

        private void WrapUp(Conversation conversation, bool transferred, DateTimeOffset endedAt)
        {
            var roll = random.Next(100);
            conversation.Disposition = transferred ? ChatDisposition.Escalated : roll switch
            {
                < 80 => ChatDisposition.Answered,
                < 92 => ChatDisposition.FollowUpNeeded,
                < 96 => ChatDisposition.NoResponse,
                _ => ChatDisposition.Other,
            };
            conversation.ResolvedAtFirstContact = conversation.Disposition == ChatDisposition.Answered && random.Next(10) != 0;
            conversation.WrappedUpAt = endedAt.AddSeconds(random.Next(10, 90));
        }

        private string NewId() => string.Create(Conversation.IdLength, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = IdAlphabet[r.Next(IdAlphabet.Length)];
            }
        });

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
    }
}
