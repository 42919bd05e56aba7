namespace Portal.Web.Features.Accounts;

/// <summary>Client tier (大客户分级). Gold and Diamond count as VIP.</summary>
public enum ClientTier
{
    Silver = 0,
    Gold = 1,
    Diamond = 2,
}

public static class ClientTierExtensions
{
    public static bool IsVip(this ClientTier tier) => tier >= ClientTier.Gold;
}
