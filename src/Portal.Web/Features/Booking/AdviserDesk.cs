using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Booking.Model;
using Portal.Web.Features.Cases;

namespace Portal.Web.Features.Booking;

/// <summary>An adviser's side of booking (role Adviser): only the caller's own profile and calendar.</summary>
public sealed class AdviserDesk(BookingStore store, AuditTrail audit)
{
    public const string WebP = "image/webp";

    public async Task<AdviserSettings> GetSettingsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        return ToSettings(profile);
    }

    /// <summary><see cref="BookingOutcome.Stale"/> on a version mismatch; field errors keyed by property name.</summary>
    public async Task<BookingResult> SaveSettingsAsync(Actor actor, AdviserSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        if (profile.Version != settings.Version)
        {
            return store.Stale();
        }

        var errors = Validate(settings, profile);
        if (errors.Count > 0)
        {
            return new BookingResult(BookingOutcome.Invalid, null, errors);
        }

        profile.Bio = settings.Bio.Trim();
        profile.Languages = string.Join('\n', settings.Languages.Select(l => l.Trim()).Where(l => l.Length > 0));
        profile.Specialties = string.Join('\n', settings.Specialties.Select(l => l.Trim()).Where(l => l.Length > 0));
        profile.Hours = AdviserHours.Format(settings.Hours);
        foreach (var type in profile.MeetingTypes)
        {
            type.Enabled = settings.MeetingTypes.First(m => m.Id == type.Id).Enabled;
        }

        profile.BufferBeforeMinutes = settings.BufferBeforeMinutes;
        profile.BufferAfterMinutes = settings.BufferAfterMinutes;
        profile.MinimumNoticeHours = settings.MinimumNoticeHours;
        profile.HorizonDays = settings.HorizonDays;
        profile.DailyCap = settings.DailyCap;
        profile.Version++;
        audit.Add(db, actor, AuditActions.AdviserSettingsSaved, Subject(profile),
            $"hours {profile.Hours}; buffers {profile.BufferBeforeMinutes}/{profile.BufferAfterMinutes} min; notice {profile.MinimumNoticeHours} h; horizon {profile.HorizonDays} d; cap {profile.DailyCap}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return store.Stale();
        }

        await store.PublishAdviserAsync(profile.Id, ct);
        return new BookingResult(BookingOutcome.Booked, null, null);
    }

    public async Task<IReadOnlyList<AvailabilityException>> ListExceptionsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        return profile.Exceptions.OrderBy(e => e.Date).ThenBy(e => e.From).Select(BookingStore.ToView).ToList();
    }

    public async Task<BookingResult> AddExceptionAsync(Actor actor, AvailabilityException exception, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        var context = await store.ContextAsync(ct);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (exception.Date < context.Calendar.DateOf(store.Now()))
        {
            errors[nameof(AvailabilityException.Date)] = store.Text("Error.PastDate");
        }

        if (!exception.DayOff && (exception.From is not { } from || exception.To is not { } to || to <= from))
        {
            errors[nameof(AvailabilityException.To)] = store.Text("Error.Period");
        }

        if (exception.Note is { Length: > BookingLimits.MaxNote })
        {
            errors[nameof(AvailabilityException.Note)] = store.Text("Error.TooLong", BookingLimits.MaxNote);
        }

        if (errors.Count > 0)
        {
            return new BookingResult(BookingOutcome.Invalid, null, errors);
        }

        var row = new AdviserDayOff
        {
            AdviserId = profile.Id,
            Date = exception.Date,
            DayOff = exception.DayOff,
            From = exception.DayOff ? null : exception.From,
            To = exception.DayOff ? null : exception.To,
            Note = string.IsNullOrWhiteSpace(exception.Note) ? null : exception.Note.Trim(),
        };
        db.Add(row);
        audit.Add(db, actor, AuditActions.AdviserExceptionAdded, Subject(profile), row.DayOff ? $"{row.Date:yyyy-MM-dd} day off" : $"{row.Date:yyyy-MM-dd} {row.From:HH:mm}-{row.To:HH:mm}");
        await db.SaveChangesAsync(ct);
        await store.PublishAdviserAsync(profile.Id, ct);
        return new BookingResult(BookingOutcome.Booked, null, null);
    }

    /// <summary>Removes one of the caller's own exceptions; another adviser's id is refused.</summary>
    public async Task RemoveExceptionAsync(Actor actor, int exceptionId, CancellationToken ct = default)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        var row = profile.Exceptions.FirstOrDefault(e => e.Id == exceptionId) ?? throw new ActorForbiddenException($"{actor.UserId} has no exception {exceptionId}.");
        db.Remove(row);
        audit.Add(db, actor, AuditActions.AdviserExceptionRemoved, Subject(profile), $"{row.Date:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        await store.PublishAdviserAsync(profile.Id, ct);
    }

    /// <summary>JPEG, PNG or WebP by magic bytes, at most 2 MB; throws <see cref="BookingValidationException"/> otherwise.</summary>
    public async Task SavePhotoAsync(Actor actor, Stream photo, string contentType, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(photo);
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await photo.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > BookingLimits.MaxPhotoBytes)
            {
                throw new BookingValidationException(store.Text("Error.PhotoTooLarge", BookingLimits.MaxPhotoBytes / 1024 / 1024));
            }
        }

        var bytes = buffer.ToArray();
        var sniffed = SniffImage(bytes) ?? throw new BookingValidationException(store.Text(bytes.Length == 0 ? "Error.PhotoEmpty" : "Error.PhotoType"));
        var row = await db.Set<AdviserPhoto>().SingleOrDefaultAsync(p => p.AdviserId == profile.Id, ct);
        if (row is null)
        {
            row = new AdviserPhoto { AdviserId = profile.Id };
            db.Add(row);
        }

        row.Content = bytes;
        row.ContentType = sniffed;
        row.UpdatedAt = store.Now();
        profile.HasPhoto = true;
        audit.Add(db, actor, AuditActions.AdviserPhotoSaved, Subject(profile), $"{sniffed}, {bytes.Length} bytes (declared {contentType})");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The image type by its first bytes: JPEG and PNG as the case attachments check them, WebP by its RIFF header.</summary>
    public static string? SniffImage(ReadOnlySpan<byte> content)
    {
        if (AttachmentSniffer.Sniff(content) is AttachmentSniffer.Jpeg or AttachmentSniffer.Png)
        {
            return AttachmentSniffer.Sniff(content);
        }

        return content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }

    public async Task<IReadOnlyList<AppointmentView>> ListScheduleAsync(Actor actor, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct = default)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        var rows = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.AdviserId == profile.Id && a.StartUtc < toUtc && a.EndUtc > fromUtc)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return rows.Select(a => BookingStore.ToView(a, profile, true, store.Now(), 0)).ToList();
    }

    /// <summary>Requests awaiting the adviser, soonest first.</summary>
    public async Task<IReadOnlyList<AppointmentView>> ListRequestsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        var now = store.Now();
        var rows = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.AdviserId == profile.Id && a.Status == AppointmentStatus.Requested && a.EndUtc > now)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
            .Take(BookingLimits.MaxPageSize)
            .ToListAsync(ct);
        return rows.Select(a => BookingStore.ToView(a, profile, true, now, 0)).ToList();
    }

    /// <summary>The adviser's own appointment, as the adviser sees it (private notes too); null when it is not theirs.</summary>
    public async Task<AppointmentView?> GetAsync(Actor actor, int appointmentId, CancellationToken ct = default)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        var found = await db.Set<Appointment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.AdviserId == profile.Id, ct);
        return found is null ? null : BookingStore.ToView(found, profile, true, store.Now(), 0);
    }

    public Task<BookingResult> ConfirmAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, appointmentId, version, [AppointmentStatus.Requested], AppointmentStatus.Confirmed, null, AuditActions.AppointmentConfirmed, "booking-confirmed", ct);

    public Task<BookingResult> DeclineAsync(Actor actor, int appointmentId, string reason, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, appointmentId, version, [AppointmentStatus.Requested], AppointmentStatus.Declined, reason, AuditActions.AppointmentDeclined, "booking-declined", ct);

    public Task<BookingResult> CancelAsync(Actor actor, int appointmentId, string reason, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, appointmentId, version, BookingStore.Active, AppointmentStatus.CancelledByAdviser, reason, AuditActions.AppointmentCancelled, "booking-cancelled", ct);

    public Task<BookingResult> MarkCompletedAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, appointmentId, version, BookingStore.Active, AppointmentStatus.Completed, null, AuditActions.AppointmentCompleted, null, ct);

    public Task<BookingResult> MarkNoShowAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, appointmentId, version, BookingStore.Active, AppointmentStatus.NoShow, null, AuditActions.AppointmentNoShow, null, ct);

    public async Task<BookingResult> SaveNotesAsync(Actor actor, int appointmentId, string? privateNotes, string? sharedSummary, int version, CancellationToken ct = default)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        if (await db.Set<Appointment>().SingleOrDefaultAsync(a => a.Id == appointmentId && a.AdviserId == profile.Id, ct) is not { } appointment)
        {
            return BookingStore.Outcome(BookingOutcome.NotAllowed, "", store.Text("Error.NotFound"));
        }

        if (appointment.Version != version)
        {
            return store.Stale();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (privateNotes is { Length: > BookingLimits.MaxText })
        {
            errors["PrivateNotes"] = store.Text("Error.TooLong", BookingLimits.MaxText);
        }

        if (sharedSummary is { Length: > BookingLimits.MaxText })
        {
            errors["SharedSummary"] = store.Text("Error.TooLong", BookingLimits.MaxText);
        }

        if (errors.Count > 0)
        {
            return new BookingResult(BookingOutcome.Invalid, null, errors);
        }

        appointment.PrivateNotes = string.IsNullOrWhiteSpace(privateNotes) ? null : privateNotes.Trim();
        appointment.SharedSummary = string.IsNullOrWhiteSpace(sharedSummary) ? null : sharedSummary.Trim();
        appointment.Version++;
        appointment.UpdatedAt = store.Now();
        audit.Add(db, actor, AuditActions.AppointmentNotesSaved, BookingStore.Subject(appointment.Id), appointment.SharedSummary is null ? "private notes" : "private notes and shared summary");
        return await SaveAndShowAsync(db, appointment, profile, ct);
    }

    private async Task<BookingResult> ChangeAsync(
        Actor actor, int appointmentId, int version, IReadOnlyCollection<AppointmentStatus> from, AppointmentStatus to, string? reason, string action, string? template, CancellationToken ct)
    {
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var profile = await OwnProfileAsync(db, actor, ct);
        var context = await store.ContextAsync(ct);
        if (await db.Set<Appointment>().SingleOrDefaultAsync(a => a.Id == appointmentId && a.AdviserId == profile.Id, ct) is not { } appointment)
        {
            return BookingStore.Outcome(BookingOutcome.NotAllowed, "", store.Text("Error.NotFound"));
        }

        if (appointment.Version != version)
        {
            return store.Stale();
        }

        if (!from.Contains(appointment.Status))
        {
            return BookingStore.Invalid("", store.Text("Error.NotActive"));
        }

        var needsReason = to is AppointmentStatus.Declined or AppointmentStatus.CancelledByAdviser;
        if (needsReason && string.IsNullOrWhiteSpace(reason))
        {
            return BookingStore.Invalid("Reason", store.Text("Error.Required"));
        }

        if (reason is { Length: > BookingLimits.MaxReason })
        {
            return BookingStore.Invalid("Reason", store.Text("Error.TooLong", BookingLimits.MaxReason));
        }

        if ((to is AppointmentStatus.Completed or AppointmentStatus.NoShow) && appointment.StartUtc > store.Now())
        {
            return BookingStore.Invalid("", store.Text("Error.NotStarted"));
        }

        appointment.Adviser = profile;
        appointment.Status = to;
        if (needsReason)
        {
            appointment.DeclineReason = reason!.Trim();
        }

        appointment.Version++;
        appointment.UpdatedAt = store.Now();
        store.Record(db, actor, appointment, action, needsReason ? $"{to}: {appointment.DeclineReason}" : to.ToString(), template is null ? null : appointment.InvestorUserId, template, appointment.DeclineReason, context.Calendar);
        return await SaveAndShowAsync(db, appointment, profile, ct);
    }

    /// <summary>Saves a version-checked change of an appointment and tells both sides; a concurrent change wins (stale).</summary>
    private async Task<BookingResult> SaveAndShowAsync(PortalDbContext db, Appointment appointment, AdviserProfile profile, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return store.Stale();
        }

        await store.PublishAsync(appointment, ct);
        return new BookingResult(BookingOutcome.Booked, BookingStore.ToView(appointment, profile, true, store.Now(), 0), null);
    }

    /// <summary>The caller's own profile (tracked, with meeting types and exceptions), made with the defaults on first use.</summary>
    private static async Task<AdviserProfile> OwnProfileAsync(PortalDbContext db, Actor actor, CancellationToken ct)
    {
        actor.RequireRole(Roles.Adviser);
        var userId = actor.UserId ?? throw new ActorForbiddenException("The portal itself has no adviser calendar.");
        var profile = await db.Set<AdviserProfile>().AsSplitQuery().Include(p => p.MeetingTypes).Include(p => p.Exceptions)
            .SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is not null)
        {
            return profile;
        }

        profile = NewProfile(userId, actor.Name, AdviserKind.DedicatedAdviser);
        db.Add(profile);
        try
        {
            await db.SaveChangesAsync(ct);
            return profile;
        }
        catch (DbUpdateException ex) when (BookingStore.IsDuplicate(ex))
        {
            // Made at the same moment by another request of the same adviser.
            db.ChangeTracker.Clear();
            return await db.Set<AdviserProfile>().AsSplitQuery().Include(p => p.MeetingTypes).Include(p => p.Exceptions).SingleAsync(p => p.UserId == userId, ct);
        }
    }

    /// <summary>A profile with the defaults: weekdays 09:00–12:00 and 13:30–17:30, the standard meeting types all on.</summary>
    public static AdviserProfile NewProfile(string userId, string name, AdviserKind kind) => new()
    {
        UserId = userId,
        Name = name,
        Kind = kind,
        Hours = AdviserHours.Format(Enumerable.Range(1, 5).SelectMany(d => new[]
        {
            new WeeklyHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(12, 0)),
            new WeeklyHours((DayOfWeek)d, new TimeOnly(13, 30), new TimeOnly(17, 30)),
        })),
        MeetingTypes = BookingLimits.StandardMeetingTypes.Select(t => new AdviserMeetingType { Mode = t.Mode, Minutes = t.Minutes, Enabled = true }).ToList(),
        Version = 1,
    };

    private static string Subject(AdviserProfile profile) => "adviser:" + profile.UserId;

    private static AdviserSettings ToSettings(AdviserProfile p) => new(
        p.Id, p.Name, p.HasPhoto, p.Bio, InvestorBooking.Lines(p.Languages), InvestorBooking.Lines(p.Specialties), AdviserHours.Parse(p.Hours),
        p.MeetingTypes.OrderBy(m => m.Mode).ThenBy(m => m.Minutes).Select(BookingStore.ToView).ToList(),
        p.BufferBeforeMinutes, p.BufferAfterMinutes, p.MinimumNoticeHours, p.HorizonDays, p.DailyCap, p.Version);

    private Dictionary<string, string> Validate(AdviserSettings s, AdviserProfile profile)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (s.Bio.Trim().Length > BookingLimits.MaxBio)
        {
            errors[nameof(AdviserSettings.Bio)] = store.Text("Error.TooLong", BookingLimits.MaxBio);
        }

        CheckList(errors, nameof(AdviserSettings.Languages), s.Languages);
        CheckList(errors, nameof(AdviserSettings.Specialties), s.Specialties);
        if (s.Hours.Any(h => h.To <= h.From))
        {
            errors[nameof(AdviserSettings.Hours)] = store.Text("Error.Period");
        }
        else if (s.Hours.GroupBy(h => h.Day).Any(day => day.OrderBy(h => h.From).Zip(day.OrderBy(h => h.From).Skip(1)).Any(pair => pair.Second.From < pair.First.To)))
        {
            errors[nameof(AdviserSettings.Hours)] = store.Text("Error.HoursOverlap");
        }

        if (s.MeetingTypes.Count != profile.MeetingTypes.Count || s.MeetingTypes.Any(m => profile.MeetingTypes.All(p => p.Id != m.Id)))
        {
            errors[nameof(AdviserSettings.MeetingTypes)] = store.Text("Error.MeetingType");
        }
        else if (!s.MeetingTypes.Any(m => m.Enabled))
        {
            errors[nameof(AdviserSettings.MeetingTypes)] = store.Text("Error.NoMeetingType");
        }

        Range(errors, nameof(AdviserSettings.BufferBeforeMinutes), s.BufferBeforeMinutes, 0, BookingLimits.MaxBufferMinutes);
        Range(errors, nameof(AdviserSettings.BufferAfterMinutes), s.BufferAfterMinutes, 0, BookingLimits.MaxBufferMinutes);
        Range(errors, nameof(AdviserSettings.MinimumNoticeHours), s.MinimumNoticeHours, 0, BookingLimits.MaxNoticeHours);
        Range(errors, nameof(AdviserSettings.HorizonDays), s.HorizonDays, 1, BookingLimits.MaxHorizonDays);
        Range(errors, nameof(AdviserSettings.DailyCap), s.DailyCap, 1, BookingLimits.MaxDailyCap);
        return errors;
    }

    private void CheckList(Dictionary<string, string> errors, string field, IReadOnlyList<string> items)
    {
        var kept = items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (kept.Count > BookingLimits.MaxListItems || kept.Any(i => i.Length > BookingLimits.MaxListItem || i.Contains('\n', StringComparison.Ordinal)))
        {
            errors[field] = store.Text("Error.List", BookingLimits.MaxListItems, BookingLimits.MaxListItem);
        }
    }

    private void Range(Dictionary<string, string> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors[field] = store.Text("Error.Range", min, max);
        }
    }
}

/// <summary>An upload or input the booking services refuse, with a message in the user's language.</summary>
public sealed class BookingValidationException(string message) : Exception(message);
