namespace Portal.Web.Resources;

/// <summary>The booking pages: the investor's advisers and appointments, the adviser's desk and the booking settings editor.</summary>
public sealed class BookingPagesText;
