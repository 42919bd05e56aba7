using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Accounts;

/// <summary>Identity's error messages in the reader's language (the ones a user can meet in Portal).</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<AccountsText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);

    private IdentityError Error(string code, params object[] arguments) =>
        new() { Code = code, Description = text["IdentityError." + code, arguments] };
}
