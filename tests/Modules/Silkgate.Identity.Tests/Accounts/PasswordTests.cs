using Silkgate.Identity.Users;

namespace Silkgate.Identity.Tests.Accounts;

public sealed class PasswordTests
{
    private readonly Passwords _passwords = new();

    [Fact]
    public void A_hash_verifies_its_password_and_no_other()
    {
        var hash = _passwords.Hash("a good long password");

        Assert.True(_passwords.Verify(hash, "a good long password", out var rehash));
        Assert.Null(rehash);
        Assert.False(_passwords.Verify(hash, "a good long passworD", out _));
        Assert.DoesNotContain("a good long password", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        Assert.NotEqual(_passwords.Hash("a good long password"), _passwords.Hash("a good long password"));
    }

    [Theory]
    [InlineData("", "password.too-short")]
    [InlineData("123456789", "password.too-short")]
    [InlineData("Alice.Wong1", "password.equals-username")]
    public void The_policy_refuses_short_passwords_and_the_user_name(string password, string code)
    {
        var problem = Assert.Single(Passwords.Check(password, "alice.wong1"));
        Assert.Equal((code, "password"), (problem.Code, problem.Field));
    }

    [Fact]
    public void The_policy_accepts_ten_characters_that_are_not_the_user_name()
    {
        Assert.Empty(Passwords.Check("1234567890", "alice"));
    }

    [Fact]
    public void User_names_are_unique_regardless_of_case()
    {
        Assert.Equal(UserAccount.KeyOf("Province"), UserAccount.KeyOf(" province "));
    }
}
