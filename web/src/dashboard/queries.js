// The operations the dashboard sends, as front-end teams would copy them. OVERVIEW is the
// dashboard query of the front-end contract (tests/tests/unified_view.rs), named.

export const ORGANISATIONS = {
  unions: ['grassrootsUnionCount', 'workersHomeCount'],
  youth: ['branchCount', 'volunteerCount', 'youthHomeCount'],
  women: ['organizationCount', 'womensHomeCount', 'childrensHomeCount'],
  science: ['associationCount', 'workstationCount'],
  disability: ['organizationCount', 'workerCount'],
};

/** The figure each organisation's bar shows: its grassroots organisations. */
export const HEADLINE = {
  unions: 'grassrootsUnionCount',
  youth: 'branchCount',
  women: 'organizationCount',
  science: 'associationCount',
  disability: 'organizationCount',
};

export const OVERVIEW = `query Dashboard {
  regions(level: DISTRICT) {
    code name
    unions { grassrootsUnionCount workersHomeCount }
    youth { branchCount volunteerCount youthHomeCount }
    women { organizationCount womensHomeCount childrensHomeCount }
    science { associationCount workstationCount }
    disability { organizationCount workerCount }
  }
}`;

export const REGION = `query Region($code: String!) {
  region(code: $code) {
    code name level
    parent { code name level parent { code name level } }
    ...Figures
    children { code name level ...Figures }
  }
}

fragment Figures on Region {
  unions { grassrootsUnionCount workersHomeCount }
  youth { branchCount volunteerCount youthHomeCount }
  women { organizationCount womensHomeCount childrensHomeCount }
  science { associationCount workstationCount }
  disability { organizationCount workerCount }
}`;

export const CENTRES = `query ServiceCentres($regionCode: String) {
  serviceCenters(regionCode: $regionCode, limit: 12) {
    totalCount
    items {
      id name kind averageScore ratingCount
      unions { workersHomes { name } disputeCount }
      youth { youthHomes { name } }
      women { womensHomes { name } childrensHomes { name } }
      science { activities { title } }
      disability { activities { title } }
    }
  }
}`;

export const DISPUTES = `query Disputes($parentCode: String!, $regionCode: String) {
  regions(parentCode: $parentCode) {
    code name
    unions { disputesByStatus { status count } }
  }
  laborDisputes(filter: { regionCode: $regionCode }, limit: 8) {
    totalCount
    items { id caseNumber title status receivedOn }
  }
}`;

export const CASE = `query DisputeCase($id: ID!, $personal: Boolean!) {
  laborDispute(id: $id) {
    id caseNumber title category status receivedOn workerCount amountClaimedYuan
    claimantName @include(if: $personal)
    claimantPhone @include(if: $personal)
    steps { seq fromStatus toStatus note recordedBy recordedAt }
    rightsAssistance { kind assistedOn recordedBy note @include(if: $personal) }
  }
}`;

/** The events that change the figures shown, in the region `$regionCode` and below. */
export const DISPUTE_CHANGED = `subscription DisputeChanged($regionCode: String) {
  laborDisputeChanged(regionCode: $regionCode) { id status regionCode }
}`;

export const VOLUNTEER_REGISTERED = `subscription VolunteerRegistered($regionCode: String) {
  volunteerRegistered(regionCode: $regionCode) { id }
}`;
