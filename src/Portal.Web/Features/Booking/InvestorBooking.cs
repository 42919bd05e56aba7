using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Booking.Model;

namespace Portal.Web.Features.Booking;

/// <summary>An investor's side of booking: every method checks role Investor and ownership.</summary>
public sealed class InvestorBooking(BookingStore store)
{
    public async Task<BookingAllowance> GetAllowanceAsync(Actor actor, CancellationToken ct = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var context = await store.ContextAsync(ct);
        var tier = await TierAsync(db, actor, investorId, ct);
        var used = await BookingStore.CountInMonthAsync(db, context.Calendar, investorId, store.Now(), null, ct);
        var limit = context.Rules.LimitFor(tier);
        return new BookingAllowance(tier, tier != ClientTier.Silver && limit > 0, limit, used, context.Rules.CutOffHours);
    }

    /// <summary>The advisers the investor may book: their dedicated adviser (Gold, Diamond) and the analysts (Diamond); empty for Silver.</summary>
    public async Task<IReadOnlyList<AdviserCard>> ListMyAdvisersAsync(Actor actor, CancellationToken ct = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var advisers = await BookableAsync(db, actor, investorId, ct);
        return advisers.Select(ToCard).ToList();
    }

    public Task<IReadOnlyList<Slot>> GetSlotsAsync(Actor actor, int adviserId, int meetingTypeId, DateOnly fromDate, int days, CancellationToken ct = default) =>
        GetSlotsAsync(actor, adviserId, meetingTypeId, fromDate, days, null, ct);

    /// <summary>The open slots of <paramref name="days"/> dates from <paramref name="fromDate"/> in the viewer's IANA zone (the business zone when null or unknown).</summary>
    public async Task<IReadOnlyList<Slot>> GetSlotsAsync(
        Actor actor, int adviserId, int meetingTypeId, DateOnly fromDate, int days, string? viewerTimeZone, CancellationToken ct = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var adviser = (await BookableAsync(db, actor, investorId, ct)).FirstOrDefault(a => a.Id == adviserId);
        if (adviser?.MeetingTypes.FirstOrDefault(m => m.Id == meetingTypeId && m.Enabled) is not { } type)
        {
            return [];
        }

        var context = await store.ContextAsync(ct);
        var request = await store.SlotRequestAsync(db, context, adviser, type.Minutes, fromDate, Math.Clamp(days, 1, BookingLimits.MaxSlotDays), Zone(viewerTimeZone), null, ct);
        return store.Slots.Generate(request);
    }

    public async Task<BookingResult> BookAsync(Actor actor, BookRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var investorId = actor.RequireInvestor();
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var context = await store.ContextAsync(ct);
        if (await FindByRequestAsync(db, investorId, request.RequestId, context, ct) is { } again)
        {
            return new BookingResult(BookingOutcome.Booked, again, null);
        }

        var profile = await store.Investors.FindProfileAsync(db, actor, investorId, ct) ?? throw new ActorForbiddenException($"{actor.UserId} has no investor record.");
        var adviser = (await BookableAsync(db, actor, investorId, ct)).FirstOrDefault(a => a.Id == request.AdviserId);
        if (adviser is null)
        {
            return BookingStore.Outcome(BookingOutcome.NotAllowed, nameof(BookRequest.AdviserId), store.Text("Error.NotAllowed"));
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckText(errors, nameof(BookRequest.Topic), request.Topic, BookingLimits.MaxTopic, required: true);
        CheckText(errors, nameof(BookRequest.Questions), request.Questions, BookingLimits.MaxText, required: false);
        CheckText(errors, nameof(BookRequest.CustomReportRequest), request.CustomReportRequest, BookingLimits.MaxText, required: false);
        if (!string.IsNullOrWhiteSpace(request.CustomReportRequest) && profile.Tier != ClientTier.Diamond)
        {
            errors[nameof(BookRequest.CustomReportRequest)] = store.Text("Error.CustomReportDiamond");
        }

        var type = adviser.MeetingTypes.FirstOrDefault(m => m.Id == request.MeetingTypeId && m.Enabled);
        if (type is null)
        {
            errors[nameof(BookRequest.MeetingTypeId)] = store.Text("Error.MeetingType");
        }
        else if (!await IsOnGridAsync(db, context, adviser, type.Minutes, request.StartUtc, null, ct))
        {
            errors[nameof(BookRequest.StartUtc)] = store.Text("Error.Slot");
        }

        if (errors.Count > 0)
        {
            return new BookingResult(BookingOutcome.Invalid, null, errors);
        }

        var start = request.StartUtc.ToUniversalTime();
        var now = store.Now();
        var appointment = new Appointment
        {
            AdviserId = adviser.Id,
            Adviser = adviser,
            InvestorId = investorId,
            InvestorUserId = actor.UserId!,
            InvestorName = profile.Name,
            InvestorAccountNumber = profile.AccountNumber,
            InvestorTier = profile.Tier,
            MeetingTypeId = type!.Id,
            Mode = type.Mode,
            Minutes = type.Minutes,
            StartUtc = start,
            EndUtc = start.AddMinutes(type.Minutes),
            BlockedFrom = start.AddMinutes(-adviser.BufferBeforeMinutes),
            BlockedTo = start.AddMinutes(type.Minutes + adviser.BufferAfterMinutes),
            Status = AppointmentStatus.Requested,
            Topic = request.Topic.Trim(),
            Questions = Trimmed(request.Questions),
            CustomReportRequest = Trimmed(request.CustomReportRequest),
            RequestId = request.RequestId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await BookingStore.LockInvestorAsync(db, investorId, ct);
            if (await FindByRequestAsync(db, investorId, request.RequestId, context, ct) is { } raced)
            {
                return new BookingResult(BookingOutcome.Booked, raced, null);
            }

            var limit = context.Rules.LimitFor(profile.Tier);
            if (await BookingStore.CountInMonthAsync(db, context.Calendar, investorId, start, null, ct) >= limit)
            {
                return BookingStore.Outcome(BookingOutcome.LimitReached, nameof(BookRequest.StartUtc), store.Text("Error.LimitReached", limit));
            }

            if (await TakenAsync(db, context, adviser, appointment, null, ct))
            {
                return BookingStore.Outcome(BookingOutcome.SlotTaken, nameof(BookRequest.StartUtc), store.Text("Error.SlotTaken"));
            }

            db.Attach(adviser);
            db.Add(appointment);
            try
            {
                // Saved first for its id (the reference), then its audit row and notice; one transaction.
                await db.SaveChangesAsync(ct);
                store.Record(db, actor, appointment, AuditActions.AppointmentBooked, $"{adviser.Name}, {start:O}, {type.Mode} {type.Minutes} min", adviser.UserId, "booking-requested", null, context.Calendar);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException ex) when (BookingStore.IsSlotTaken(ex))
            {
                return BookingStore.Outcome(BookingOutcome.SlotTaken, nameof(BookRequest.StartUtc), store.Text("Error.SlotTaken"));
            }
        }

        await store.PublishAsync(appointment, ct);
        return new BookingResult(BookingOutcome.Booked, BookingStore.ToView(appointment, adviser, false, now, context.Rules.CutOffHours), null);
    }

    public async Task<BookingResult> RescheduleAsync(Actor actor, int appointmentId, DateTimeOffset newStartUtc, int version, CancellationToken ct = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var context = await store.ContextAsync(ct);
        var (appointment, refused) = await ChangeableAsync(db, investorId, appointmentId, version, context, ct);
        if (refused is not null || appointment is null)
        {
            return refused!;
        }

        var adviser = appointment.Adviser!;
        if (!await IsOnGridAsync(db, context, adviser, appointment.Minutes, newStartUtc, appointment.Id, ct))
        {
            return BookingStore.Invalid(nameof(BookRequest.StartUtc), store.Text("Error.Slot"));
        }

        var start = newStartUtc.ToUniversalTime();
        var was = appointment.StartUtc;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await BookingStore.LockInvestorAsync(db, investorId, ct);
            var limit = context.Rules.LimitFor(appointment.InvestorTier);
            if (await BookingStore.CountInMonthAsync(db, context.Calendar, investorId, start, appointment.Id, ct) >= limit)
            {
                return BookingStore.Outcome(BookingOutcome.LimitReached, nameof(BookRequest.StartUtc), store.Text("Error.LimitReached", limit));
            }

            appointment.StartUtc = start;
            appointment.EndUtc = start.AddMinutes(appointment.Minutes);
            appointment.BlockedFrom = start.AddMinutes(-adviser.BufferBeforeMinutes);
            appointment.BlockedTo = appointment.EndUtc.AddMinutes(adviser.BufferAfterMinutes);
            if (await TakenAsync(db, context, adviser, appointment, appointment.Id, ct))
            {
                return BookingStore.Outcome(BookingOutcome.SlotTaken, nameof(BookRequest.StartUtc), store.Text("Error.SlotTaken"));
            }

            // A new time is a new request: the adviser confirms it again.
            appointment.Status = AppointmentStatus.Requested;
            appointment.Reminder24hSentAt = null;
            appointment.Reminder1hSentAt = null;
            Touch(appointment);
            store.Record(db, actor, appointment, AuditActions.AppointmentRescheduled, $"{was:O} -> {start:O}", adviser.UserId, "booking-rescheduled", null, context.Calendar);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException ex) when (BookingStore.IsSlotTaken(ex))
            {
                return BookingStore.Outcome(BookingOutcome.SlotTaken, nameof(BookRequest.StartUtc), store.Text("Error.SlotTaken"));
            }
            catch (DbUpdateConcurrencyException)
            {
                return store.Stale();
            }
        }

        await store.PublishAsync(appointment, ct);
        return new BookingResult(BookingOutcome.Booked, BookingStore.ToView(appointment, adviser, false, store.Now(), context.Rules.CutOffHours), null);
    }

    public async Task<BookingResult> CancelAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var context = await store.ContextAsync(ct);
        var (appointment, refused) = await ChangeableAsync(db, investorId, appointmentId, version, context, ct);
        if (refused is not null || appointment is null)
        {
            return refused!;
        }

        appointment.Status = AppointmentStatus.CancelledByInvestor;
        Touch(appointment);
        store.Record(db, actor, appointment, AuditActions.AppointmentCancelled, "by the investor", appointment.Adviser!.UserId, "booking-cancelled", null, context.Calendar);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return store.Stale();
        }

        await store.PublishAsync(appointment, ct);
        return new BookingResult(BookingOutcome.Booked, BookingStore.ToView(appointment, appointment.Adviser, false, store.Now(), context.Rules.CutOffHours), null);
    }

    public async Task<AppointmentPage> ListMyAppointmentsAsync(Actor actor, bool upcoming, int page, int pageSize, CancellationToken ct = default)
    {
        var investorId = actor.RequireInvestor();
        pageSize = Math.Clamp(pageSize, 1, BookingLimits.MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var context = await store.ContextAsync(ct);
        var now = store.Now();
        var mine = db.Set<Appointment>().AsNoTracking().Include(a => a.Adviser).Where(a => a.InvestorId == investorId);
        mine = upcoming ? mine.Where(a => a.EndUtc >= now) : mine.Where(a => a.EndUtc < now);
        var total = await mine.CountAsync(ct);
        var ordered = upcoming ? mine.OrderBy(a => a.StartUtc).ThenBy(a => a.Id) : mine.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id);
        var rows = await ordered.Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new AppointmentPage(rows.Select(a => BookingStore.ToView(a, a.Adviser!, false, now, context.Rules.CutOffHours)).ToList(), total);
    }

    /// <summary>The investor's own appointment; null when it is not theirs.</summary>
    public async Task<AppointmentView?> GetAsync(Actor actor, int appointmentId, CancellationToken ct = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var context = await store.ContextAsync(ct);
        var found = await db.Set<Appointment>().AsNoTracking().Include(a => a.Adviser)
            .SingleOrDefaultAsync(a => a.Id == appointmentId && a.InvestorId == investorId, ct);
        return found is null ? null : BookingStore.ToView(found, found.Adviser!, false, store.Now(), context.Rules.CutOffHours);
    }

    internal static TimeZoneInfo? Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private async Task<ClientTier> TierAsync(PortalDbContext db, Actor actor, int investorId, CancellationToken ct) =>
        (await store.Investors.FindProfileAsync(db, actor, investorId, ct))?.Tier ?? ClientTier.Silver;

    /// <summary>The profiles the investor may book, with meeting types and exceptions: none for Silver.</summary>
    private async Task<List<AdviserProfile>> BookableAsync(PortalDbContext db, Actor actor, int investorId, CancellationToken ct)
    {
        var tier = await TierAsync(db, actor, investorId, ct);
        if (tier == ClientTier.Silver)
        {
            return [];
        }

        var dedicated = await store.Investors.FindAdviserUserIdAsync(db, actor, investorId, ct);
        var analysts = tier == ClientTier.Diamond;
        return await db.Set<AdviserProfile>().AsNoTracking().AsSplitQuery()
            .Include(p => p.MeetingTypes).Include(p => p.Exceptions)
            .Where(p => (dedicated != null && p.UserId == dedicated && p.Kind == AdviserKind.DedicatedAdviser) || (analysts && p.Kind == AdviserKind.ResearchAnalyst))
            .OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .ToListAsync(ct);
    }

    private static AdviserCard ToCard(AdviserProfile p) => new(
        p.Id, p.UserId, p.Name, p.Kind, p.HasPhoto, Lines(p.Languages), Lines(p.Specialties), p.Bio,
        p.MeetingTypes.Where(m => m.Enabled).OrderBy(m => m.Mode).ThenBy(m => m.Minutes).Select(BookingStore.ToView).ToList());

    internal static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The start is one the generator offers for this meeting length (notice, horizon, hours), busy ranges aside.</summary>
    private async Task<bool> IsOnGridAsync(PortalDbContext db, BookingContext context, AdviserProfile adviser, int minutes, DateTimeOffset startUtc, int? except, CancellationToken ct)
    {
        var date = context.Calendar.DateOf(startUtc);
        var request = await store.SlotRequestAsync(db, context, adviser, minutes, date, 1, null, except, ct);
        return store.Slots.IsOpenSlot(request with { Busy = [], DailyCap = int.MaxValue }, startUtc.ToUniversalTime());
    }

    /// <summary>Another active appointment overlaps (buffers included), or the adviser's day is full.</summary>
    private static async Task<bool> TakenAsync(PortalDbContext db, BookingContext context, AdviserProfile adviser, Appointment appointment, int? except, CancellationToken ct)
    {
        if (await BookingStore.OverlapsAsync(db, adviser.Id, appointment.BlockedFrom, appointment.BlockedTo, except, ct))
        {
            return true;
        }

        var day = context.Calendar.DateOf(appointment.StartUtc);
        var from = BookingStore.StartOf(context.Calendar.TimeZone, day);
        var to = BookingStore.StartOf(context.Calendar.TimeZone, day.AddDays(1));
        var sameDay = await db.Set<Appointment>().CountAsync(
            a => a.AdviserId == adviser.Id && BookingStore.Active.Contains(a.Status) && a.StartUtc >= from && a.StartUtc < to && a.Id != (except ?? 0), ct);
        return sameDay >= adviser.DailyCap;
    }

    private async Task<AppointmentView?> FindByRequestAsync(PortalDbContext db, int investorId, Guid requestId, BookingContext context, CancellationToken ct)
    {
        var found = await db.Set<Appointment>().AsNoTracking().Include(a => a.Adviser)
            .SingleOrDefaultAsync(a => a.InvestorId == investorId && a.RequestId == requestId, ct);
        return found is null ? null : BookingStore.ToView(found, found.Adviser!, false, store.Now(), context.Rules.CutOffHours);
    }

    private static Task<Appointment?> LoadOwnAsync(PortalDbContext db, int investorId, int appointmentId, CancellationToken ct) =>
        db.Set<Appointment>().Include(a => a.Adviser).ThenInclude(p => p!.Exceptions)
            .SingleOrDefaultAsync(a => a.Id == appointmentId && a.InvestorId == investorId, ct);

    /// <summary>The investor's own appointment to change, or why not: not theirs, stale, no longer active, or past the cut-off.</summary>
    private async Task<(Appointment? Appointment, BookingResult? Refused)> ChangeableAsync(
        PortalDbContext db, int investorId, int appointmentId, int version, BookingContext context, CancellationToken ct)
    {
        var appointment = await LoadOwnAsync(db, investorId, appointmentId, ct);
        return appointment is null
            ? (null, BookingStore.Outcome(BookingOutcome.NotAllowed, "", store.Text("Error.NotFound")))
            : (appointment, Refusal(appointment, version, context));
    }

    /// <summary>Why the investor may not change it: stale, no longer active, or past the cut-off.</summary>
    private BookingResult? Refusal(Appointment appointment, int version, BookingContext context)
    {
        if (appointment.Version != version)
        {
            return store.Stale();
        }

        if (!Appointment.Blocks(appointment.Status))
        {
            return BookingStore.Invalid("", store.Text("Error.NotActive"));
        }

        return store.Now() >= appointment.StartUtc.AddHours(-context.Rules.CutOffHours)
            ? BookingStore.Invalid("", store.Text("Error.CutOff", context.Rules.CutOffHours))
            : null;
    }

    private void Touch(Appointment appointment)
    {
        appointment.Version++;
        appointment.UpdatedAt = store.Now();
    }

    private void CheckText(Dictionary<string, string> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[field] = store.Text("Error.Required");
        }
        else if (value is not null && value.Trim().Length > max)
        {
            errors[field] = store.Text("Error.TooLong", max);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
