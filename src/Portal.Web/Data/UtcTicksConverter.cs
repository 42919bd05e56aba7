using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Web.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks; values come back in UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
