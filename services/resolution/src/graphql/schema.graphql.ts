import { graphqlEnumSdl } from '@redress/contracts';

// The resolution subgraph's SDL (SPEC §4).
export const resolutionTypeDefs = /* GraphQL */ `
  ${graphqlEnumSdl('ProposalStatus', 'RemedyType')}

  type ResolutionProposal {
    id: ID!
    complaintId: ID!
    status: ProposalStatus!
    options: [ResolutionOption!]!
    chosenOptionId: ID
    message: String
    proposedAt: DateTime!
    decidedAt: DateTime
    implementedAt: DateTime
  }

  type ResolutionOption {
    id: ID!
    type: RemedyType!
    description: String!
    amount: Float
    currency: String
  }

  type FollowUp {
    satisfied: Boolean!
    rating: Int!
    comment: String
    recordedAt: DateTime!
  }

  "ISO 4217 currency, given iff amount"
  input ResolutionOptionInput {
    type: RemedyType!
    description: String!
    amount: Float
    currency: String
  }

  type Complaint @key(fields: "id") {
    id: ID!
    proposals: [ResolutionProposal!]
    followUp: FollowUp
    lessonsLearned: String
    "the resolution summary written when the complaint was (last) closed"
    resolutionSummary: String
  }

  type Mutation {
    proposeResolution(complaintId: ID!, options: [ResolutionOptionInput!]!, message: String): ResolutionProposal!
    recordCustomerDecision(proposalId: ID!, accept: Boolean!, optionId: ID, comment: String): ResolutionProposal!
    respondToProposal(token: String!, accept: Boolean!, optionId: ID, comment: String): ResolutionProposal!
    markResolutionImplemented(proposalId: ID!, notes: String): ResolutionProposal!
    recordFollowUp(complaintId: ID!, satisfied: Boolean!, rating: Int!, comment: String): FollowUp!
    submitFeedback(token: String!, satisfied: Boolean!, rating: Int!, comment: String): FollowUp!
    closeComplaint(complaintId: ID!, summary: String!, lessonsLearned: String, overrideReason: String): Complaint!
  }
`;
