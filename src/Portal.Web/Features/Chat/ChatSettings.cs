using System.Globalization;
using Portal.Web.Features.Admin.Settings;

namespace Portal.Web.Features.Chat;

/// <summary>How waiting chats reach agents: agents pick from the queue, or the portal offers each to the best agent.</summary>
public enum RoutingMode
{
    Pick,
    AutoAssign,
}

/// <summary>
/// The chat desk's rules an admin sets while the portal runs (setting <c>chat</c>). Errors name the field and a text of
/// <c>ChatText</c> (<c>Settings.Error.Range</c>, arguments min and max).
/// </summary>
public sealed record ChatSettings(
    RoutingMode RoutingMode = RoutingMode.Pick,
    int OfferTimeoutSeconds = 30,
    int AdviserFirstSeconds = 60,
    int DefaultCapacity = 3,
    int DisconnectGraceSeconds = 60,
    int IdleWarningMinutes = 5,
    int IdleCloseMinutes = 10)
{
    public const string RangeError = "Settings.Error.Range";
    public const string IdleOrderError = "Settings.Error.IdleOrder";

    /// <summary>The allowed range of each number, by field name (camelCase, as the editor names its fields).</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Ranges = new Dictionary<string, (int, int)>
    {
        ["offerTimeoutSeconds"] = (1, 600),
        ["adviserFirstSeconds"] = (0, 600),
        ["defaultCapacity"] = (1, 10),
        ["disconnectGraceSeconds"] = (1, 3600),
        ["idleWarningMinutes"] = (1, 240),
        ["idleCloseMinutes"] = (1, 480),
    };

    public IReadOnlyList<SettingError> Validate()
    {
        var errors = new List<SettingError>();
        foreach (var (field, value) in Numbers())
        {
            var (min, max) = Ranges[field];
            if (value < min || value > max)
            {
                errors.Add(new(field, RangeError, Number(min), Number(max)));
            }
        }

        if (IdleCloseMinutes <= IdleWarningMinutes)
        {
            errors.Add(new("idleCloseMinutes", IdleOrderError, Number(IdleWarningMinutes)));
        }

        if (!Enum.IsDefined(RoutingMode))
        {
            errors.Add(new("routingMode", RangeError, nameof(RoutingMode.Pick), nameof(RoutingMode.AutoAssign)));
        }

        return errors;
    }

    public string DescribeChangeFrom(ChatSettings before)
    {
        var parts = new List<string>();
        if (before.RoutingMode != RoutingMode)
        {
            parts.Add($"routing: {before.RoutingMode} → {RoutingMode}");
        }

        var was = before.Numbers().ToDictionary(n => n.Field, n => n.Value);
        parts.AddRange(Numbers().Where(n => was[n.Field] != n.Value).Select(n => $"{n.Field}: {Number(was[n.Field])} → {Number(n.Value)}"));
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    private IEnumerable<(string Field, int Value)> Numbers() =>
    [
        ("offerTimeoutSeconds", OfferTimeoutSeconds), ("adviserFirstSeconds", AdviserFirstSeconds), ("defaultCapacity", DefaultCapacity),
        ("disconnectGraceSeconds", DisconnectGraceSeconds), ("idleWarningMinutes", IdleWarningMinutes), ("idleCloseMinutes", IdleCloseMinutes),
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The chat setting; until an admin saves it, <see cref="ChatSettings"/>' defaults.</summary>
public sealed class ChatSetting : ISetting<ChatSettings>
{
    public string Key => "chat";

    public ChatSettings Default => new();

    public IReadOnlyList<SettingError> Validate(ChatSettings value) => value.Validate();

    public string DescribeChange(ChatSettings before, ChatSettings after) => after.DescribeChangeFrom(before);
}
