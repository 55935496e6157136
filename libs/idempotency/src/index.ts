// The claim / confirm / release contract over Redis arrives with the shared-runtime issue (#3).
export {};
