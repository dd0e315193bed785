package dev.praxis.command.member;

/** What the command side knows about members outside their aggregates: whether one exists. */
public interface MemberDirectory {

    /** Whether the member joined a community or set a profile. */
    boolean exists(String memberId);
}
