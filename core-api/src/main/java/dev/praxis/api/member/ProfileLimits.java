package dev.praxis.api.member;

/** Limits of members' profiles, follows and skill endorsements, enforced by the command side. */
public final class ProfileLimits {

    public static final int DISPLAY_NAME_MIN = 1;
    public static final int DISPLAY_NAME_MAX = 80;
    public static final int BIO_MAX = 2_000;
    public static final int SKILLS_MAX = 30;
    public static final int ENDORSEMENT_NOTE_MAX = 500;
    public static final int TAG_DESCRIPTION_MAX = 2_000;

    private ProfileLimits() {
    }
}
