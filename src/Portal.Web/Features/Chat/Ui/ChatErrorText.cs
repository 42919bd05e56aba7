using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Chat.Ui;

/// <summary>A refusal's stable code (ChatErrors) as the user reads it.</summary>
public static class ChatErrorText
{
    public static string Describe(IStringLocalizer<ChatPagesText> text, string code)
    {
        var described = text["Chat.Error." + code];
        return described.ResourceNotFound ? text["Chat.Error.invalid"] : described;
    }
}
