using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Booking.Ui;

/// <summary>A meeting type as the pages name it: "Video, 60 min".</summary>
public static class MeetingTypeText
{
    public static string Of(IStringLocalizer<BookingPagesText> text, MeetingType type) => text["MeetingType.Name", text["Mode." + type.Mode], type.Minutes];
}
