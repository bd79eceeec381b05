using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.Localization;

/// <summary>Identity's error sentences (password rules, a spent reset link, …) from the resources, in plain words.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> T) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), T["Something went wrong. Nothing was changed; please try again."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), T["Something changed this account at the same moment. Nothing was changed; please try again."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), T["That password is not right."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), T["This reset link is not valid any more. Ask for a new one."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), T["Enter a valid email address."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), T["Enter a valid email address."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), T["That address can't be used. Try signing in, or use another address."]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), T["That address can't be used. Try signing in, or use another address."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), T["Use at least {0} characters (a few words make a good password).", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), T["Use at least {0} different characters.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), T["Use at least one character that is not a letter or a digit."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), T["Use at least one digit."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), T["Use at least one lowercase letter."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), T["Use at least one uppercase letter."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), T["Something went wrong. Nothing was changed; please try again."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
