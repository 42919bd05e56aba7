using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Features.Booking.Model;

internal sealed class AdviserProfileConfiguration : IEntityTypeConfiguration<AdviserProfile>
{
    public void Configure(EntityTypeBuilder<AdviserProfile> builder)
    {
        builder.ToTable("AdviserProfiles");
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.HasIndex(x => x.UserId).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Bio).HasMaxLength(BookingLimits.MaxBio);
        builder.Property(x => x.Languages).HasMaxLength(BookingLimits.MaxListText);
        builder.Property(x => x.Specialties).HasMaxLength(BookingLimits.MaxListText);
        builder.Property(x => x.Hours).HasMaxLength(BookingLimits.MaxListText);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasMany(x => x.MeetingTypes).WithOne().HasForeignKey(x => x.AdviserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Exceptions).WithOne().HasForeignKey(x => x.AdviserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AdviserPhoto>().WithOne().HasForeignKey<AdviserPhoto>(x => x.AdviserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdviserMeetingTypeConfiguration : IEntityTypeConfiguration<AdviserMeetingType>
{
    public void Configure(EntityTypeBuilder<AdviserMeetingType> builder)
    {
        builder.ToTable("AdviserMeetingTypes");
        builder.HasIndex(x => new { x.AdviserId, x.Mode, x.Minutes }).IsUnique();
    }
}

internal sealed class AdviserExceptionConfiguration : IEntityTypeConfiguration<AdviserDayOff>
{
    public void Configure(EntityTypeBuilder<AdviserDayOff> builder)
    {
        builder.ToTable("AdviserExceptions");
        builder.Property(x => x.Note).HasMaxLength(BookingLimits.MaxNote);
        builder.HasIndex(x => new { x.AdviserId, x.Date });
    }
}

internal sealed class AdviserPhotoConfiguration : IEntityTypeConfiguration<AdviserPhoto>
{
    public void Configure(EntityTypeBuilder<AdviserPhoto> builder)
    {
        builder.ToTable("AdviserPhotos");
        builder.HasKey(x => x.AdviserId);
        builder.Property(x => x.ContentType).HasMaxLength(40);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("Appointments");
        builder.Ignore(x => x.Reference);
        builder.Property(x => x.InvestorUserId).HasMaxLength(450);
        builder.Property(x => x.InvestorName).HasMaxLength(200);
        builder.Property(x => x.InvestorAccountNumber).HasMaxLength(32);
        builder.Property(x => x.Topic).HasMaxLength(BookingLimits.MaxTopic);
        builder.Property(x => x.Questions).HasMaxLength(BookingLimits.MaxText);
        builder.Property(x => x.CustomReportRequest).HasMaxLength(BookingLimits.MaxText);
        builder.Property(x => x.DeclineReason).HasMaxLength(BookingLimits.MaxReason);
        builder.Property(x => x.SharedSummary).HasMaxLength(BookingLimits.MaxText);
        builder.Property(x => x.PrivateNotes).HasMaxLength(BookingLimits.MaxText);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne(x => x.Adviser).WithMany().HasForeignKey(x => x.AdviserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.InvestorId, x.RequestId }).IsUnique();
        builder.HasIndex(x => new { x.InvestorId, x.StartUtc });
        builder.HasIndex(x => new { x.AdviserId, x.StartUtc });
        builder.HasIndex(x => new { x.Status, x.StartUtc });
    }
}
