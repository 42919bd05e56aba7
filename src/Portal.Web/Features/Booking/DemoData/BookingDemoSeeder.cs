using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Features.Booking.Model;

namespace Portal.Web.Features.Booking.DemoData;

/// <summary>
/// The booking demo data (deterministic, fixed seed): the profiles of the adviser 孙伟 and the analysts 周敏 and 何立,
/// and four weeks of past and two of future appointments with the demo Gold/Diamond clients and the first generated
/// ones (the analysts meet Diamond clients only). Past ones are mostly completed with a shared summary; future ones
/// requested or confirmed. Runs once: nothing is added when an appointment exists.
/// </summary>
internal sealed class BookingDemoSeeder(IDbContextFactory<PortalDbContext> dbFactory, BookingStore store, SlotGenerator slots) : IDemoDataSeeder
{
    public const string AdviserEmail = "adviser@portal.demo";
    public const string AnalystEmail = "analyst@portal.demo";
    public const string Analyst2Email = "analyst2@portal.demo";
    public const int PastWeeks = 4;
    public const int FutureWeeks = 2;
    /// <summary>The clients booked come from the first this many VIP investors (tests book with later ones).</summary>
    public const int ClientPool = 20;
    private const int Seed = 20_261_212;

    internal static readonly string[] Topics =
    [
        "Portfolio review", "Rebalancing after the quarter", "Bond ladder for next year", "Questions on the monthly statement",
        "Sector outlook", "Retirement planning", "Margin account questions", "Fund switch",
    ];

    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staff = await DemoBookingDirectory.FindStaffAsync(db, [AdviserEmail, AnalystEmail, Analyst2Email], cancellationToken);
        if (staff.Count < 3)
        {
            return;
        }

        var profiles = new List<AdviserProfile>();
        foreach (var (email, kind, bio, languages, specialties, hours) in Profiles())
        {
            var (userId, name) = staff[email];
            var profile = await db.Set<AdviserProfile>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            if (profile is null)
            {
                profile = AdviserDesk.NewProfile(userId, name, kind);
                profile.Bio = bio;
                profile.Languages = languages;
                profile.Specialties = specialties;
                profile.Hours = hours;
                db.Add(profile);
            }

            profiles.Add(profile);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (await db.Set<Appointment>().AnyAsync(cancellationToken))
        {
            return;
        }

        await db.Entry(profiles[0]).Collection(p => p.MeetingTypes).LoadAsync(cancellationToken);
        var clients = await DemoBookingDirectory.ListVipClientsAsync(db, ClientPool, cancellationToken);
        var context = await store.ContextAsync(cancellationToken);
        var random = new Random(Seed);
        var now = store.Now();
        var today = context.Calendar.DateOf(now);
        var counted = new Dictionary<(int InvestorId, DateTimeOffset Month), int>();
        foreach (var profile in profiles)
        {
            var types = await db.Set<AdviserMeetingType>().Where(m => m.AdviserId == profile.Id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            var mine = profile.Kind == AdviserKind.DedicatedAdviser
                ? clients.Where(c => c.AdviserUserId == profile.UserId).ToList()
                : clients.Where(c => c.Tier == ClientTier.Diamond).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var booked = new List<BusyInterval>();
            for (var date = today.AddDays(-7 * PastWeeks); date <= today.AddDays(7 * FutureWeeks); date = date.AddDays(1))
            {
                var type = types[random.Next(types.Count)];
                var request = new SlotRequest(
                    AdviserHours.Parse(profile.Hours), [], context.Calendar, booked, type.Minutes, profile.BufferBeforeMinutes, profile.BufferAfterMinutes,
                    0, 3650, profile.DailyCap, BookingStore.StartOf(context.Calendar.TimeZone, date), date, 1);
                var open = slots.Generate(request);
                var count = open.Count == 0 ? 0 : random.Next(0, 3);
                foreach (var slot in open.OrderBy(_ => random.Next()).Take(count).OrderBy(s => s.StartUtc))
                {
                    // Taken by an earlier pick of this day?
                    var from = slot.StartUtc.AddMinutes(-profile.BufferBeforeMinutes);
                    var to = slot.EndUtc.AddMinutes(profile.BufferAfterMinutes);
                    if (booked.Any(b => b.BlockedFromUtc < to && from < b.BlockedToUtc))
                    {
                        continue;
                    }

                    var client = mine[random.Next(mine.Count)];
                    var status = Status(random, slot.StartUtc < now);

                    // Every client keeps at least one booking in every month, so a demo Gold or Diamond client can always book.
                    var month = (client.InvestorId, BookingStore.MonthOf(context.Calendar, slot.StartUtc).From);
                    if (BookingStore.Counted.Contains(status))
                    {
                        if (counted.GetValueOrDefault(month) >= context.Rules.LimitFor(client.Tier) - 1)
                        {
                            continue;
                        }

                        counted[month] = counted.GetValueOrDefault(month) + 1;
                    }
                    booked.Add(new BusyInterval(slot.StartUtc, Appointment.Blocks(status) ? from : DateTimeOffset.MinValue, Appointment.Blocks(status) ? to : DateTimeOffset.MinValue));
                    var created = slot.StartUtc.AddDays(-random.Next(2, 10));
                    db.Add(new Appointment
                    {
                        AdviserId = profile.Id,
                        InvestorId = client.InvestorId,
                        InvestorUserId = client.UserId ?? "",
                        InvestorName = client.Name,
                        InvestorAccountNumber = client.AccountNumber,
                        InvestorTier = client.Tier,
                        MeetingTypeId = type.Id,
                        Mode = type.Mode,
                        Minutes = type.Minutes,
                        StartUtc = slot.StartUtc,
                        EndUtc = slot.EndUtc,
                        BlockedFrom = from,
                        BlockedTo = to,
                        Status = status,
                        Topic = Topics[random.Next(Topics.Length)],
                        Questions = random.Next(3) == 0 ? "Please have the latest holdings at hand." : null,
                        CustomReportRequest = client.Tier == ClientTier.Diamond && random.Next(4) == 0 ? "A short note on the holdings' duration risk." : null,
                        DeclineReason = status == AppointmentStatus.Declined ? "Away at the branch that day; please pick another time." : null,
                        SharedSummary = status == AppointmentStatus.Completed ? "We went through the portfolio; next review in three months." : null,
                        PrivateNotes = status == AppointmentStatus.Completed ? "Client prefers phone calls in the morning." : null,
                        RequestId = new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)random.Next(short.MaxValue), new byte[8]),
                        CreatedAt = created < now ? created : now,
                        UpdatedAt = created < now ? created : now,
                        Reminder24hSentAt = slot.StartUtc < now ? slot.StartUtc.AddHours(-24) : null,
                        Reminder1hSentAt = slot.StartUtc < now ? slot.StartUtc.AddHours(-1) : null,
                        Version = 1,
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static AppointmentStatus Status(Random random, bool past)
    {
        var roll = random.Next(100);
        if (past)
        {
            return roll switch
            {
                < 78 => AppointmentStatus.Completed,
                < 84 => AppointmentStatus.NoShow,
                < 94 => AppointmentStatus.CancelledByInvestor,
                _ => AppointmentStatus.Declined,
            };
        }

        return roll < 45 ? AppointmentStatus.Requested : AppointmentStatus.Confirmed;
    }

    private static IEnumerable<(string Email, AdviserKind Kind, string Bio, string Languages, string Specialties, string Hours)> Profiles()
    {
        yield return (AdviserEmail, AdviserKind.DedicatedAdviser,
            "Senior relationship adviser with fifteen years in wealth management; looks after the firm's Gold and Diamond clients.",
            "普通话\nEnglish\n粤语", "Asset allocation\nRetirement planning\nFunds", AdviserHours.Format(Weekdays((9, 0, 12, 0), (13, 30, 17, 30))));
        yield return (AnalystEmail, AdviserKind.ResearchAnalyst,
            "Research-centre analyst covering China's macro economy, rates and credit.",
            "普通话\nEnglish", "Macro economy\nFixed income", AdviserHours.Format(Weekdays((10, 0, 12, 0), (14, 0, 17, 0))));
        yield return (Analyst2Email, AdviserKind.ResearchAnalyst,
            "Research-centre analyst covering A-share equities, consumer and technology sectors.",
            "普通话", "Equities\nSector research", AdviserHours.Format(Weekdays((9, 30, 11, 30), (14, 30, 16, 30))));
    }

    private static IEnumerable<WeeklyHours> Weekdays(params (int FromHour, int FromMinute, int ToHour, int ToMinute)[] periods) =>
        Enumerable.Range(1, 5).SelectMany(d => periods.Select(p =>
            new WeeklyHours((DayOfWeek)d, new TimeOnly(p.FromHour, p.FromMinute), new TimeOnly(p.ToHour, p.ToMinute))));
}
