using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Features.Admin.Settings;

/// <summary>One setting's current value as JSON (table <c>Settings</c>, owned by Admin; others read it through its services).</summary>
public sealed class StoredSetting
{
    public const int KeyLength = 100;

    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    /// <summary>Counts the saves; a save names the version it started from, so a stale one is refused.</summary>
    public int Version { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StoredSettingConfiguration : IEntityTypeConfiguration<StoredSetting>
{
    public void Configure(EntityTypeBuilder<StoredSetting> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(x => x.Key);
        builder.Property(x => x.Key).HasMaxLength(StoredSetting.KeyLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}
