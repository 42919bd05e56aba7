namespace Portal.Web.Resources;

/// <summary>The booking services' own texts: field errors and refusals, the booking setting's errors.</summary>
public sealed class BookingText;
