/**
 * What the scenario of simulated-stream.ts wrote, recorded from the simulator before its code was split
 * into modules: every line for seed 7, and for other seeds how many lines and their digest. Recorded
 * again for one change only: the sample catalogue's workflows say which customer field fills a
 * parameter (HOSTILE-29), so the catalogue's checksum (line 32 for seed 7) changed; nothing else did.
 */
export const RECORDED_SEED = 7;

export const RECORDED_DIGESTS: Readonly<Record<number, { lines: number; digest: string }>> = {
  1: { lines: 610, digest: '1a3ceaa0' },
  42: { lines: 655, digest: '44a7a3fa' },
  2026: { lines: 715, digest: '3141a216' },
};

export const RECORDED_LINES = `
+0 C connecting
+21 C online
+150 > connect ok #9b61ad43
+211 E 1 media-state chat signed-in/not-ready/routable sign-in #198c8f61
+300 > signIn chat ok #9b61ad43
+367 E 2 media-state sms failed/not-ready/routable sign-in #1171bd48
+450 > signIn sms rejected: Gateway busy
+494 E 3 media-state social signed-in/not-ready/routable sign-in #f997a430
+600 > signIn social ok #9b61ad43
+675 E 4 media-state email signed-in/not-ready/routable sign-in #fda3a3a2
+750 > signIn email ok #9b61ad43
+843 E 5 media-state sms signed-in/not-ready/routable sign-in #ebb7b142
+900 > signIn sms ok #9b61ad43
+946 E 6 media-state chat signed-in/ready/routable agent #240e17e2
+1050 > setState chat ready ok #9b61ad43
+1086 E 7 media-state sms signed-in/ready/routable agent #2467f3a4
+1200 > setState sms ready ok #9b61ad43
+1296 E 8 media-state social signed-in/ready/routable agent #d54578a9
+1300 E 9 task chat-1 offered offered #bc9b68ad
+1300 E 10 message chat-1 m2 system #a69f9eb8
+1300 E 11 message chat-1 m3 bot #5f4440cd
+1300 E 12 message chat-1 m4 customer #68276a0a
+1300 E 13 message chat-1 m5 bot #5132b642
+1300 E 14 message chat-1 m6 customer #2ce5781c
+1300 E 15 message chat-1 m7 bot #1103b6f1
+1300 E 16 message chat-1 m8 system #8f63c409
+1350 > setState social ready ok #9b61ad43
+1500 > setState email ready rejected: Network error
+1575 E 17 media-state email signed-in/ready/routable agent #0d47d994
+1650 > setState email ready ok #9b61ad43
+1800 > signIn fax unknown-media: Unknown media "fax"
+1950 > catalogue ok #ec8edfe6
+2067 E 18 task chat-1 active accepted #ef92d56e
+2100 > accept chat-1 ok #9b61ad43
+2250 > typing chat-1 ok #9b61ad43
+2353 E 19 message chat-1 m9 agent sent #88074162
+2400 > send chat-1 c0-0 ok #9b61ad43
+2550 > loadHistory chat-1 ok #ab36484e
+2849 E 20 task chat-10 offered offered #a77b2d2c
+2849 E 21 message chat-10 m11 system #7f42f928
+2849 E 22 message chat-10 m12 bot #c88a59af
+2849 E 23 message chat-10 m13 customer #b7aa70ae
+2849 E 24 message chat-10 m14 bot #5ce1ea94
+2849 E 25 message chat-10 m15 customer #b47cfbb4
+2849 E 26 message chat-10 m16 bot #ac545e73
+2849 E 27 message chat-10 m17 system #a1806505
+2893 E 28 receipt chat-1 m9 delivered #a20e0cc5
+4869 E 29 receipt chat-1 m9 read #48e11398
+6542 E 30 typing chat-1 true #dc814cdd
+6662 E 31 task chat-10 active accepted #9f1064d9
+6700 > accept chat-10 ok #9b61ad43
+6803 E 32 message chat-10 m18 agent sent #3913b1c7
+6850 > send chat-10 c1-1 ok #9b61ad43
+6962 E 33 message chat-1 m19 system #d5749162
+7000 > workflow survey chat-1 ok #9b61ad43
+7032 E 34 message chat-1 m20 system #bc2709c0
+7150 > workflow escalate chat-1 rejected: No supervisor available
+7958 E 35 receipt chat-10 m18 delivered #d01ac8b2
+10595 E 36 message chat-1 m21 customer #582880ee
+10634 E 37 task chat-22 offered offered #18569d81
+10634 E 38 message chat-22 m23 system #02686fa4
+10634 E 39 message chat-22 m24 bot #b7e00587
+10634 E 40 message chat-22 m25 customer #7a8bd7a1
+10634 E 41 message chat-22 m26 bot #555a72c3
+10634 E 42 message chat-22 m27 customer #bbbdc47e
+10634 E 43 message chat-22 m28 bot #b9b07138
+10634 E 44 message chat-22 m29 system #4012a1bc
+10783 E 45 receipt chat-10 m18 read #d92d4ef6
+12713 E 46 task chat-22 active accepted #3c746d79
+12800 > accept chat-22 ok #9b61ad43
+12950 > typing chat-1 ok #9b61ad43
+13025 E 47 message chat-1 m30 agent sent #7d1d93ed
+13100 > send chat-1 c2-0 ok #9b61ad43
+13144 E 48 message chat-22 m31 agent sent #8538eee2
+13250 > send chat-22 c2-2 ok #9b61ad43
+13272 E 49 message chat-1 m32 system #efe553b3
+13400 > workflow create-case chat-1 ok #9b61ad43
+13429 E 50 typing chat-10 true #a9a90ba5
+13550 > workflow create-case bad chat-1 invalid: Invalid parameters: subject, email
+13653 E 51 receipt chat-22 m31 delivered #10c91d3f
+13838 E 52 receipt chat-1 m30 delivered #61aca056
+15189 E 53 receipt chat-22 m31 read #9716c30e
+16885 E 54 receipt chat-1 m30 read #62390d77
+17321 E 55 message chat-10 m33 customer #f93f8208
+17623 E 56 typing chat-22 true #c7f38319
+20635 E 57 message chat-10 m34 agent sent #a2fd2a1e
+20700 > send chat-10 c3-1 ok #9b61ad43
+20782 E 58 message chat-1 m35 system #2c44aa6e
+20850 > workflow callback chat-1 ok #9b61ad43
+21650 E 59 typing chat-1 true #384646c6
+21940 E 60 receipt chat-10 m34 delivered #a72f7965
+22538 E 61 typing chat-10 true #5d23a2ae
+22582 E 62 message chat-22 m36 customer #664e6a97
+24067 E 63 message chat-1 m37 customer #18a8add4
+24707 E 64 receipt chat-10 m34 read #c476cfa3
+25021 E 65 message chat-10 m38 customer #97d31c5a
+29500 > typing chat-1 ok #9b61ad43
+29601 E 66 message chat-1 m39 agent sent #93701bd5
+29650 > send chat-1 c4-0 ok #9b61ad43
+29744 E 67 message chat-22 m40 agent sent #277673bf
+29800 > send chat-22 c4-2 ok #9b61ad43
+29800 E 68 message chat-1 m41 customer #77e56628
+29800 ! customerMessage chat-1 #ae29884d
+29800 E 69 typing chat-1 true #cfcf1997
+29800 ! customerTyping chat-1 #9b61ad43
+30902 E 70 receipt chat-22 m40 delivered #2b72340d
+30963 E 71 receipt chat-1 m39 delivered #90be6348
+32627 E 72 typing chat-10 true #b055b8c1
+33277 E 73 typing chat-22 true #d145c354
+33839 E 74 message chat-10 m42 agent sent #838deaf4
+33925 E 75 receipt chat-22 m40 read #1aa3d183
+33950 > send chat-10 c5-1 ok #9b61ad43
+34018 E 76 message chat-1 m43 system #476ae433
+34018 E 77 task chat-1 closed ended #a7b09f20
+34100 > end chat-1 ok #9b61ad43
+34894 E 78 receipt chat-10 m42 delivered #dc0edf96
+36043 E 79 task social-44 offered offered #e459bb87
+36043 E 80 message social-44 m45 system #f591778b
+36043 E 81 message social-44 m46 bot #59ee4061
+36043 E 82 message social-44 m47 customer #bfe8960c
+36043 E 83 message social-44 m48 bot #a2a122c4
+36043 E 84 message social-44 m49 customer #61e70803
+36043 E 85 message social-44 m50 bot #e40ead13
+36043 E 86 message social-44 m51 system #da60a2a2
+36095 E 87 message chat-10 m52 customer #0e7bea55
+37664 E 88 message chat-22 m53 customer #80d6d5b9
+37708 E 89 receipt chat-10 m42 read #208e2228
+37849 E 90 typing chat-10 true #42552b87
+39750 > typing chat-10 ok #9b61ad43
+39811 E 91 message chat-10 m54 agent sent #d323b462
+39900 > send chat-10 c6-0 ok #9b61ad43
+40050 > loadHistory chat-10 ok #1ef704cd
+40874 E 92 receipt chat-10 m54 delivered #30ec0ad0
+41981 E 93 message chat-10 m55 customer #2413c4f7
+43692 E 94 receipt chat-10 m54 read #89058572
+44240 E 95 task email-56 offered offered #f2b3c4b5
+44240 E 96 message email-56 m57 customer #48390d65
+47120 E 97 message chat-22 m58 agent sent #d912919d
+47200 > send chat-22 c7-1 ok #9b61ad43
+47290 E 98 message chat-10 m59 system #12fd0a43
+47350 > workflow survey chat-10 ok #9b61ad43
+47463 E 99 message chat-10 m60 system #e9d521ef
+47500 > workflow escalate chat-10 rejected: No supervisor available
+48056 E 100 receipt chat-22 m58 delivered #949643ea
+50933 E 101 receipt chat-22 m58 read #1c05ba68
+52258 E 102 typing chat-22 true #b414fe60
+55430 E 103 message chat-22 m61 customer #bf339275
+56150 > typing chat-10 ok #9b61ad43
+56256 E 104 message chat-10 m62 agent sent #27272c62
+56300 > send chat-10 c8-0 ok #9b61ad43
+56350 E 105 message chat-10 m63 system #02bd7560
+56450 > workflow create-case chat-10 ok #9b61ad43
+56600 > workflow create-case bad chat-10 invalid: Invalid parameters: subject, email
+57139 E 106 receipt chat-10 m62 delivered #66f057e3
+60348 E 107 receipt chat-10 m62 read #a9585f2a
+60716 E 108 message chat-22 m64 agent sent #f08725f7
+60750 > send chat-22 c9-1 ok #9b61ad43
+60796 E 109 message chat-10 m65 system #0b42421e
+60900 > workflow callback chat-10 ok #9b61ad43
+61534 E 110 receipt chat-22 m64 delivered #e9ea15e0
+63202 E 111 receipt chat-22 m64 read #705945c5
+66513 E 112 task social-44 active accepted #5030a9cd
+66550 > accept social-44 ok #9b61ad43
+66653 E 113 task email-56 active accepted #a6929e6e
+66700 > accept email-56 ok #9b61ad43
+66850 > typing chat-10 ok #9b61ad43
+66968 E 114 message chat-10 m66 agent sent #50df8004
+67000 > send chat-10 c10-0 ok #9b61ad43
+67074 E 115 message social-44 m67 agent sent #24e4be65
+67150 > send social-44 c10-2 ok #9b61ad43
+67150 E 116 message chat-10 m68 customer #108cca91
+67150 ! customerMessage chat-10 #35f7bc86
+67150 E 117 typing chat-10 true #7b52b4e5
+67150 ! customerTyping chat-10 #9b61ad43
+67750 E 118 receipt chat-10 m66 delivered #c77a4dd3
+67965 E 119 receipt social-44 m67 delivered #d522eeb4
+70049 E 120 typing chat-10 true #92e39e2f
+71024 E 121 receipt social-44 m67 read #9f3f6eff
+71151 E 122 receipt chat-10 m66 read #1ca2f2e4
+71749 E 123 typing chat-22 true #cc9f7a67
+73688 E 124 typing social-44 true #bcf94616
+73913 E 125 message chat-10 m69 customer #4b13b2f6
+74168 E 126 message chat-22 m70 customer #5621c61a
+74225 E 127 message chat-22 m71 agent sent #4f92e748
+74300 > send chat-22 c11-1 ok #9b61ad43
+74415 E 128 message chat-10 m72 system #9e6ee087
+74415 E 129 task chat-10 closed ended #6a8fc7fc
+74450 > end chat-10 ok #9b61ad43
+75584 E 130 task social-73 offered offered #b93249e2
+75584 E 131 message social-73 m74 system #738d41cd
+75584 E 132 message social-73 m75 bot #af049cf4
+75584 E 133 message social-73 m76 customer #de2454fd
+75584 E 134 message social-73 m77 bot #8f2ad4a6
+75584 E 135 message social-73 m78 customer #21619733
+75584 E 136 message social-73 m79 bot #b796c5a3
+75584 E 137 message social-73 m80 system #34b67405
+75613 E 138 receipt chat-22 m71 delivered #d18789ca
+77367 E 139 message social-44 m81 customer #b7baeec9
+79537 E 140 receipt chat-22 m71 read #313616b3
+83100 > typing chat-22 ok #9b61ad43
+83137 E 141 message chat-22 m82 agent sent #67ba5f58
+83250 > send chat-22 c12-0 ok #9b61ad43
+83280 E 142 message email-56 m83 agent sent #22d2b455
+83400 > send email-56 c12-2 ok #9b61ad43
+83550 > loadHistory chat-22 ok #937ca391
+83863 E 143 receipt email-56 m83 delivered #3d61d16a
+84389 E 144 receipt chat-22 m82 delivered #e30eb954
+86022 E 145 task chat-84 offered offered #378eab88
+86022 E 146 message chat-84 m85 system #77fb3e75
+86022 E 147 message chat-84 m86 bot #f375e7ed
+86022 E 148 message chat-84 m87 customer #b2654c45
+86022 E 149 message chat-84 m88 bot #03070715
+86022 E 150 message chat-84 m89 customer #2f1230f6
+86022 E 151 message chat-84 m90 bot #87f5eb04
+86022 E 152 message chat-84 m91 system #4478c49f
+86041 E 153 receipt email-56 m83 read #b950314a
+87363 E 154 receipt chat-22 m82 read #ea8fc1a4
+87377 E 155 typing email-56 true #3c9480b4
+87653 E 156 task chat-84 active accepted #9763a951
+87700 > accept chat-84 ok #9b61ad43
+87738 E 157 message social-44 m92 agent sent #04e33e63
+87850 > send social-44 c13-1 ok #9b61ad43
+87959 E 158 message chat-22 m93 system #a9c7c289
+88000 > workflow survey chat-22 ok #9b61ad43
+88048 E 159 message chat-22 m94 system #7ecfb08e
+88150 > workflow escalate chat-22 rejected: No supervisor available
+88406 E 160 typing chat-84 true #a820b986
+88955 E 161 receipt social-44 m92 delivered #c69fdc59
+90692 E 162 receipt social-44 m92 read #df970294
+91453 E 163 message email-56 m95 customer #8dc5d955
+92339 E 164 message chat-84 m96 customer #a79c761a
+93669 E 165 typing social-44 true #1461e701
+93800 > typing chat-22 ok #9b61ad43
+93827 E 166 message chat-22 m97 agent sent #02f79255
+93950 > send chat-22 c14-0 ok #9b61ad43
+94013 E 167 message email-56 m98 agent sent #836bc04e
+94100 > send email-56 c14-2 ok #9b61ad43
+94136 E 168 message chat-22 m99 system #d5bd71b3
+94250 > workflow create-case chat-22 ok #9b61ad43
+94400 > workflow create-case bad chat-22 invalid: Invalid parameters: subject, email
+94843 E 169 receipt chat-22 m97 delivered #8f4bc257
+95292 E 170 receipt email-56 m98 delivered #1bf374d4
+96191 E 171 typing chat-84 true #fa8b9ded
+96769 E 172 receipt chat-22 m97 read #16b77933
+97223 E 173 message social-44 m100 customer #0311d193
+97389 E 174 receipt email-56 m98 read #70d46a22
+97391 E 175 typing chat-22 true #0b61aa76
+97517 E 176 task chat-101 offered offered #44ef9358
+97517 E 177 message chat-101 m102 system #705a54d2
+97517 E 178 message chat-101 m103 bot #44ff9775
+97517 E 179 message chat-101 m104 customer #296abce2
+97517 E 180 message chat-101 m105 bot #73084f6a
+97517 E 181 message chat-101 m106 customer #c90e1a33
+97517 E 182 message chat-101 m107 bot #9466d603
+97517 E 183 message chat-101 m108 system #a7d3227c
+99425 E 184 typing email-56 true #96000421
+100832 E 185 message chat-84 m109 customer #9c167d7c
+101176 E 186 message chat-22 m110 customer #3847613b
+101451 E 187 task social-73 active accepted #aaffe123
+101550 > accept social-73 ok #9b61ad43
+101636 E 188 task chat-101 active accepted #cdf7f9c0
+101700 > accept chat-101 ok #9b61ad43
+101744 E 189 message social-44 m111 agent sent #0aa0d02c
+101850 > send social-44 c15-1 ok #9b61ad43
+101930 E 190 message chat-22 m112 system #3e5ee54c
+102000 > workflow callback chat-22 ok #9b61ad43
+102741 E 191 receipt social-44 m111 delivered #073f43b1
+103531 E 192 message email-56 m113 customer #d3770fdc
+105929 E 193 receipt social-44 m111 read #c79ecd08
+108351 E 194 typing social-44 true #9ccf9ba7
+109568 E 195 typing chat-101 true #e07ce5fb
+110039 E 196 typing chat-84 true #b1c5631d
+110650 > send refused rejected: Carrier refused
+110736 E 197 message chat-22 m114 agent sent #c677e4a2
+110800 > send refused again ok #9b61ad43
+110828 E 198 message chat-22 m115 agent sent #53a98b29
+110828 E 199 receipt chat-22 m115 failed (The message could not be delivered) #ff8cb000
+110950 > send undelivered ok #9b61ad43
+111012 E 200 receipt chat-22 m115 sent #a09323c3
+111100 > send undelivered retry ok #9b61ad43
+111250 > send empty invalid: The message is empty
+111400 > loadHistory failing rejected: History down
+111550 > catalogue failing rejected: Templates and workflows are not available
+111602 E 201 message chat-22 m116 system #95bef433
+111700 > workflow failing rejected: Timed out
+111700 E 202 message chat-22 m117 system #040036f6
+111700 ! customerLeaves #9b61ad43
+111779 E 203 typing social-73 true #42572329
+111818 E 204 message chat-22 m118 agent sent #8852b0da
+111818 E 205 receipt chat-22 m118 failed (The customer has left the conversation) #3ae450b6
+111850 > send to a customer who left ok #9b61ad43
+111850 ! customerLeaves again #9b61ad43
+112000 > send unknown task unknown-task: The task "__proto__" is not held by the agent
+112000 ! customerMessage unknown unknown-task: Unknown task "nope"
+112000 C offline
+112000 ! serverSetState email #9b61ad43
+112150 > signIn while offline offline: Not connected to the server
+132150 C connecting
+132199 C online
+132300 > restoreConnection ok #9b61ad43
+132449 E 219 typing email-56 true #5d9c4073
+132450 > snapshot ok #36ca4992
+132450 ! serverSetState chat #9b61ad43
+132450 ! offer sms #5d9a9abd
+132450 E 222 bogus raw #eb4bd586
+132450 ! injectRawEvent #9b61ad43
+132450 ! injectRawEvent far throws TypeError: Cannot read properties of undefined (reading 'media')
+132515 E 223 task sms-127 active accepted #be2e51e5
+132600 > accept sms-127 ok #9b61ad43
+132702 E 224 media-state chat signed-in/ready/routable agent #301f2334
+132750 > setState chat ready ok #9b61ad43
+132844 E 225 media-state email signed-in/ready/routable agent #118f26af
+132900 > setState email ready ok #9b61ad43
+133050 > typing chat-22 ok #9b61ad43
+133148 E 226 message chat-22 m128 agent sent #a73cdc8d
+133148 E 227 receipt chat-22 m128 failed (The customer has left the conversation) #bfaa79ef
+133200 > send chat-22 c16-0 ok #9b61ad43
+133273 E 228 message email-56 m129 agent sent #02910855
+133350 > send email-56 c16-2 ok #9b61ad43
+133350 E 229 message chat-22 m130 customer #af335f60
+133350 ! customerMessage chat-22 #562a65dc
+133350 E 230 typing chat-22 true #e4e51b44
+133350 ! customerTyping chat-22 #9b61ad43
+133400 E 231 task sms-131 offered offered #bd7a02f0
+133400 E 232 message sms-131 m132 customer #5efad5b8
+134525 E 233 receipt email-56 m129 delivered #78b859c0
+134553 E 234 task sms-133 offered offered #1d5ce6d0
+134553 E 235 message sms-133 m134 customer #aa0841e3
+135349 E 236 message email-56 m135 customer #de81c053
+137370 E 237 task sms-131 active accepted #143c3d3b
+137500 > accept sms-131 ok #9b61ad43
+137571 E 238 task sms-133 active accepted #178e42f5
+137650 > accept sms-133 ok #9b61ad43
+137709 E 239 message social-44 m136 agent sent #ac86c3bf
+137800 > send social-44 c17-1 ok #9b61ad43
+137847 E 240 message chat-22 m137 system #faf166b3
+137847 E 241 task chat-22 closed ended #abbae539
+137893 E 242 receipt email-56 m129 read #5a0b5ab5
+137950 > end chat-22 ok #9b61ad43
+138979 E 243 receipt social-44 m136 delivered #33e0d343
+140216 E 244 typing email-56 true #97f8d9fe
+142391 E 245 receipt social-44 m136 read #b338fdf1
+143600 > typing social-44 ok #9b61ad43
+143626 E 246 message social-44 m138 agent sent #1c7657ff
+143750 > send social-44 c18-0 ok #9b61ad43
+143793 E 247 message social-73 m139 agent sent #e8b5c7ba
+143900 > send social-73 c18-2 ok #9b61ad43
+144050 > loadHistory social-44 ok #fb90e159
+144432 E 248 message email-56 m140 customer #68b28d78
+144525 E 249 receipt social-44 m138 delivered #c06dcd25
+144620 E 250 typing social-44 true #89eed451
+145055 E 251 receipt social-73 m139 delivered #ecc9860e
+146835 E 252 receipt social-44 m138 read #f5523f95
+147624 E 253 message social-44 m141 customer #9c61ec76
+147679 E 254 task social-142 offered offered #7647f0d4
+147679 E 255 message social-142 m143 system #5e851785
+147679 E 256 message social-142 m144 bot #1d6f1f33
+147679 E 257 message social-142 m145 customer #3b1d4ed4
+147679 E 258 message social-142 m146 bot #d2a23f3c
+147679 E 259 message social-142 m147 customer #0a379bf6
+147679 E 260 message social-142 m148 bot #57b49c89
+147679 E 261 message social-142 m149 system #0df35a9e
+148891 E 262 receipt social-73 m139 read #a3c5092c
+151124 E 263 message email-56 m150 agent sent #6b81595b
+151200 > send email-56 c19-1 ok #9b61ad43
+151319 E 264 message social-44 m151 system #b370adef
+151350 > workflow survey social-44 ok #9b61ad43
+151435 E 265 typing social-73 true #95210554
+151466 E 266 message social-44 m152 system #9608fd37
+151500 > workflow escalate social-44 rejected: No supervisor available
+152343 E 267 receipt email-56 m150 delivered #606e3a2a
+154573 E 268 task email-153 offered offered #696d297f
+154573 E 269 message email-153 m154 customer #399f10fd
+154811 E 270 typing sms-127 true #6c5ea5eb
+155885 E 271 receipt email-56 m150 read #598b1360
+156031 E 272 message social-73 m155 customer #c118d4e7
+156350 E 273 typing sms-133 true #160fda37
+158743 E 274 typing email-56 true #ab5f4ea3
+159126 E 275 message sms-127 m156 customer #4e229afb
+159934 E 276 message sms-133 m157 customer #6a367ca4
+160000 ! nextSeq #ace07763
+160000 ! typingCalls #1beb2a44
+160000 C offline
+160000 ! restored tasks #5f76150e
+160000 C connecting
+160021 C online
+160150 > connect again ok #9b61ad43
+160300 > snapshot after reload ok #fe1af341
+160340 E 277 task social-142 active accepted #ef22f894
+160450 > accept social-142 ok #9b61ad43
+160499 E 278 task email-153 active accepted #fc9fa1d2
+160600 > accept email-153 ok #9b61ad43
+160750 > typing social-44 ok #9b61ad43
+160868 E 279 message social-44 m158 agent sent #3344112f
+160900 > send social-44 c20-0 ok #9b61ad43
+161008 E 280 message social-73 m159 agent sent #cc022824
+161050 > send social-73 c20-2 ok #9b61ad43
+161084 E 281 message social-44 m160 system #b4e5f89d
+161200 > workflow create-case social-44 ok #9b61ad43
+161300 E 282 task chat-161 offered offered #f2cceba5
+161300 E 283 message chat-161 m162 system #929fda3b
+161300 E 284 message chat-161 m163 bot #40148ef7
+161300 E 285 message chat-161 m164 customer #3c7f1801
+161300 E 286 message chat-161 m165 bot #11e940a1
+161300 E 287 message chat-161 m166 customer #22d70c1a
+161300 E 288 message chat-161 m167 bot #cc6af160
+161300 E 289 message chat-161 m168 system #aa3f055f
+161350 > workflow create-case bad social-44 invalid: Invalid parameters: subject, email
+161615 E 290 receipt social-44 m158 delivered #3be649a8
+161699 E 291 receipt social-73 m159 delivered #14ab6bc2
+163166 E 292 receipt social-44 m158 read #f45a24ee
+163412 E 293 typing sms-131 true #f441dd95
+163419 E 294 receipt social-73 m159 read #10565e6d
+165440 E 295 task chat-161 active accepted #d8d0164d
+165500 > accept chat-161 ok #9b61ad43
+165508 E 296 typing social-73 true #d9a5cd51
+165553 E 297 message email-56 m169 agent sent #e17cab9f
+165650 > send email-56 c21-1 ok #9b61ad43
+165702 E 298 message social-44 m170 system #c56954d0
+165800 > workflow callback social-44 ok #9b61ad43
+165984 E 299 typing sms-127 true #b2c64388
+166692 E 300 message sms-131 m171 customer #2c7b6aa5
+166966 E 301 receipt email-56 m169 delivered #4d7ccede
+167924 E 302 message social-73 m172 customer #67120005
+168369 E 303 typing social-73 true #70e02c41
+168575 E 304 receipt email-56 m169 read #f6e55473
+169516 E 305 typing social-142 true #542946f5
+169881 E 306 message sms-127 m173 customer #aeea68f7
+170423 E 307 typing social-44 true #da0e74a1
+171450 > typing social-44 ok #9b61ad43
+171554 E 308 message social-44 m174 agent sent #bc25609c
+171600 > send social-44 c22-0 ok #9b61ad43
+171716 E 309 message social-73 m175 agent sent #c4517946
+171750 > send social-73 c22-2 ok #9b61ad43
+171750 E 310 message social-44 m176 customer #56a44190
+171750 ! customerMessage social-44 #4e8ee679
+171750 E 311 typing social-44 true #b63810ed
+171750 ! customerTyping social-44 #9b61ad43
+172577 E 312 typing email-56 true #0ff602b5
+172648 E 313 receipt social-44 m174 delivered #3c67cc41
+173133 E 314 message social-73 m177 customer #cca474a6
+173184 E 315 receipt social-73 m175 delivered #dcf6b0d8
+174197 E 316 typing sms-127 true #ee79e15e
+174275 E 317 message social-142 m178 customer #5c967a21
+174370 E 318 message social-44 m179 customer #9c6336e5
+175542 E 319 receipt social-44 m174 read #a3976585
+175802 E 320 typing email-153 true #259c87d9
+176059 E 321 typing sms-131 true #75c8b55d
+176140 E 322 typing chat-84 true #4f69374d
+176742 E 323 receipt social-73 m175 read #9270fe17
+176843 E 324 message email-56 m180 customer #b719b558
+177167 E 325 typing social-44 true #3aa48558
+177830 E 326 message email-153 m181 customer #7a2723ac
+178124 E 327 message sms-127 m182 customer #fc568d44
+178832 E 328 message email-56 m183 agent sent #e3795118
+178900 > send email-56 c23-1 ok #9b61ad43
+178934 E 329 message social-44 m184 system #6593f65e
+178934 E 330 task social-44 closed ended #284862cf
+179050 > end social-44 ok #9b61ad43
+179714 E 331 typing social-73 true #e72e2049
+179996 E 332 message chat-84 m185 customer #84037de0
+180071 E 333 typing social-142 true #2e4ff95d
+180163 E 334 receipt email-56 m183 delivered #206398ef
+180559 E 335 message sms-131 m186 customer #c75c9ff2
+182189 E 336 receipt email-56 m183 read #7a7a388e
+182554 E 337 message social-142 m187 customer #8fc7fd88
+183235 E 338 message social-73 m188 customer #35c369e1
+184245 E 339 typing social-73 true #605bae22
+186195 E 340 typing chat-101 true #5a61ddd2
+187700 > typing email-56 ok #9b61ad43
+187769 E 341 message email-56 m189 agent sent #4ec346b5
+187850 > send email-56 c24-0 ok #9b61ad43
+187928 E 342 message chat-84 m190 agent sent #132ec03f
+188000 > send chat-84 c24-2 ok #9b61ad43
+188150 > loadHistory email-56 ok #741638a5
+188453 E 343 message social-73 m191 customer #044a2c92
+188499 E 344 receipt email-56 m189 delivered #fc445494
+188754 E 345 typing chat-161 true #8e207995
+188907 E 346 typing sms-133 true #e826a429
+189224 E 347 receipt chat-84 m190 delivered #e73b12b6
+190023 E 348 message chat-101 m192 customer #37712815
+190160 E 349 typing social-142 true #7b6ed76f
+190473 E 350 receipt email-56 m189 read #db1e3ce6
+191659 E 351 message sms-133 m193 customer #e8de6f74
+191688 E 352 typing email-56 true #76dbc3eb
+191918 E 353 receipt chat-84 m190 read #5e79c837
+192170 E 354 message social-142 m194 customer #4e861e74
+192188 E 355 message chat-161 m195 customer #986fc9ad
+192211 E 356 message social-73 m196 agent sent #169e91af
+192300 > send social-73 c25-1 ok #9b61ad43
+192393 E 357 message email-56 m197 system #f67d7606
+192450 > workflow survey email-56 ok #9b61ad43
+192600 > workflow escalate email-56 invalid: The workflow "escalate" does not apply to email
+193209 E 358 receipt social-73 m196 delivered #aaa79275
+193267 E 359 typing chat-84 true #668f3b2c
+193963 E 360 typing social-142 true #87aae5dc
+195610 E 361 receipt social-73 m196 read #6253fa78
+195977 E 362 typing sms-131 true #ab35e2e8
+196043 E 363 task social-198 offered offered #f4461bb6
+196043 E 364 message social-198 m199 system #9db7c7e4
+196043 E 365 message social-198 m200 bot #18c24c0a
+196043 E 366 message social-198 m201 customer #2e18e04c
+196043 E 367 message social-198 m202 bot #1dff2792
+196043 E 368 message social-198 m203 customer #78aca655
+196043 E 369 message social-198 m204 bot #7af2e797
+196043 E 370 message social-198 m205 system #6473aeab
+196636 E 371 message email-56 m206 customer #0c3c436b
+197399 E 372 message chat-84 m207 customer #dc4d95ba
+197553 E 373 message social-142 m208 customer #800b313f
+197664 E 374 typing social-73 true #18949311
+198100 ! offer email #9b61ad43
+198217 E 375 message sms-131 m209 customer #13dbd28c
+200467 E 376 typing sms-133 true #556cdd78
+201028 E 377 typing sms-127 true #4500b086
+201789 E 378 typing sms-131 true #672d32a7
+202317 E 379 message social-73 m210 customer #71c25faf
+203670 E 380 typing chat-161 true #ffd5c8b2
+204990 E 381 message sms-133 m211 customer #f4ef4f2a
+205121 E 382 message sms-127 m212 customer #0c8afbbf
+205730 E 383 typing social-73 true #391af89d
+205761 E 384 message sms-131 m213 customer #c61f8716
+206843 E 385 message chat-161 m214 customer #b7a39c17
+209781 E 386 message social-73 m215 customer #af48a466
+210752 E 387 typing chat-84 true #1879e06f
+212335 E 388 typing sms-131 true #36db5ccd
+212865 E 389 typing chat-101 true #0f6ede0a
+213704 E 390 message chat-84 m216 customer #27a7a7f5
+214156 E 391 typing sms-133 true #e1d4a3cf
+216496 E 392 message sms-131 m217 customer #8ca2eaf0
+216764 E 393 typing chat-84 true #15476f62
+217352 E 394 message chat-101 m218 customer #5b72592b
+219092 E 395 message sms-133 m219 customer #a9abb259
+220798 E 396 typing sms-133 true #7270b80c
+220905 E 397 message chat-84 m220 customer #fe3d4e0f
+222488 E 398 typing chat-161 true #e1c469d7
+224663 E 399 message sms-133 m221 customer #8f6ba238
+225985 E 400 typing social-142 true #5a8ca40e
+226984 E 401 message chat-161 m222 customer #aba6285a
+230152 E 402 message social-142 m223 customer #b0705dd1
+232075 E 403 typing social-73 true #198afc7b
+235667 E 404 typing chat-161 true #8d04d520
+236739 E 405 message social-73 m224 customer #6bfbff93
+237972 E 406 message chat-161 m225 customer #ea0e3ed7
+238453 E 407 typing social-142 true #edfe3d7b
+238836 E 408 typing sms-133 true #e59a9291
+241043 E 409 task social-198 missed missed #5072c944
+241043 E 410 media-state social signed-in/ready/held missed-offer #ee837800
+241043 E 411 media-state chat signed-in/not-ready/routable missed-offer #a7baeba9
+241043 E 412 media-state sms signed-in/not-ready/routable missed-offer #f4cb2cc1
+241043 E 413 media-state social signed-in/not-ready/held missed-offer #ebf777b5
+241631 E 414 message social-142 m226 customer #26e7eeec
+242426 E 415 message sms-133 m227 customer #16ba61cb
+242430 E 416 typing chat-161 true #40a48684
+245315 E 417 typing chat-84 true #46647bdf
+245909 E 418 message chat-161 m228 customer #c43a2b5c
+247965 E 419 typing email-56 true #888bc8ec
+249702 E 420 message chat-84 m229 customer #6cfb06d3
+252493 E 421 message email-56 m230 customer #8fe84a49
+253430 E 422 typing chat-84 true #ed932dbe
+254520 E 423 typing sms-127 true #8c2fee26
+256244 E 424 message chat-84 m231 customer #1bd89fb2
+258678 E 425 message sms-127 m232 customer #292877bf
+264459 E 426 typing sms-131 true #554d9cee
+267603 E 427 message sms-131 m233 customer #a0d26e75
+271228 E 428 typing chat-84 true #749ec342
+274721 E 429 message chat-84 m234 customer #0257ba3b
+275955 E 430 typing email-56 true #b6427ef1
+278661 E 431 typing chat-101 true #d4686903
+280272 E 432 message email-56 m235 customer #73bd9216
+281706 E 433 typing email-153 true #1efc13ed
+283159 E 434 message chat-101 m236 customer #ba5bf0f2
+283181 E 435 typing email-56 true #91f065e4
+284552 E 436 message email-153 m237 customer #4ccdbd5c
+286148 E 437 message email-56 m238 customer #42195376
+286546 E 438 typing sms-133 true #fd8941a1
+286625 E 439 typing social-142 true #4483cd7f
+289194 E 440 typing chat-84 true #4d676027
+289319 E 441 message sms-133 m239 customer #8278cca1
+290173 E 442 message social-142 m240 customer #bbcdfda4
+291681 E 443 message chat-84 m241 customer #9b37c088
+293242 E 444 typing social-73 true #377a1dfa
+294486 E 445 typing chat-161 true #2fbbce32
+295598 E 446 typing sms-131 true #808255ce
+295855 E 447 message social-73 m242 customer #e86f02c4
+296587 E 448 message chat-161 m243 customer #12793871
+297744 E 449 typing social-142 true #bca0dfff
+299325 E 450 message sms-131 m244 customer #63b13fbb
+301140 E 451 typing sms-133 true #21a5830d
+301299 E 452 message social-142 m245 customer #10f2639a
+304673 E 453 typing chat-101 true #ef4a40ab
+304850 E 454 message sms-133 m246 customer #dbbff8e1
+307139 E 455 message chat-101 m247 customer #478a9d70
+310393 E 456 typing sms-133 true #100ac615
+311341 E 457 typing chat-101 true #925194ab
+314773 E 458 message sms-133 m248 customer #93dba4f2
+315662 E 459 message chat-101 m249 customer #aa94e31b
+316225 E 460 typing chat-84 true #49a7b9f2
+318339 E 461 typing email-153 true #794dd1b4
+320019 E 462 typing sms-131 true #52c650d8
+320137 E 463 message chat-84 m250 customer #5f94df60
+321265 E 464 message email-153 m251 customer #a09cdad1
+323001 E 465 message sms-131 m252 customer #a9e01dea
+325553 E 466 typing sms-131 true #81927571
+328667 E 467 typing email-153 true #730d4753
+329579 E 468 message sms-131 m253 customer #be424b11
+332880 E 469 message email-153 m254 customer #682c034f
+333457 E 470 typing sms-127 true #a837f5a3
+335712 E 471 typing social-73 true #184e8bd7
+335941 E 472 typing chat-101 true #ac435f98
+336605 E 473 typing social-142 true #d517adde
+336632 E 474 message sms-127 m255 customer #b3bc6b7a
+336674 E 475 typing sms-131 true #2df71f43
+339374 E 476 message social-73 m256 customer #27b79ca9
+339822 E 477 message chat-101 m257 customer #99086078
+340442 E 478 typing chat-84 true #70278036
+340760 E 479 message sms-131 m258 customer #95405e78
+341440 E 480 message social-142 m259 customer #2cadd98c
+343325 E 481 typing email-153 true #7798fc5a
+343918 E 482 message chat-84 m260 customer #9cb24d6c
+344280 E 483 typing sms-131 true #0a3d1aeb
+345095 E 484 typing sms-133 true #24eefae6
+345551 E 485 typing chat-84 true #c0d197c4
+346780 E 486 message sms-131 m261 customer #ad157b45
+347223 E 487 message sms-133 m262 customer #bf13c815
+348199 E 488 message chat-84 m263 customer #807be175
+348325 E 489 message email-153 m264 customer #7a57878a
+350693 E 490 typing chat-101 true #0153c651
+350846 E 491 typing chat-161 true #a6ba853b
+351253 E 492 typing social-73 true #28ef9f7b
+354931 E 493 message chat-161 m265 customer #38cf94e0
+355156 E 494 message social-73 m266 customer #e649314c
+355514 E 495 message chat-101 m267 customer #fcdda56a
+357424 E 496 typing sms-131 true #0ee0c6c6
+357655 E 497 typing chat-101 true #00122627
+357981 E 498 typing chat-161 true #da4b263c
+358621 E 499 typing email-153 true #197cf9b2
+361236 E 500 message chat-101 m268 customer #e07952d9
+361523 E 501 typing social-142 true #8ac6b300
+361647 E 502 message sms-131 m269 customer #eba8e656
+361826 E 503 message chat-161 m270 customer #4981462a
+362912 E 504 message email-153 m271 customer #89a736bc
+366101 E 505 message social-142 m272 customer #ffe951ed
+367263 E 506 typing sms-127 true #f3da04cb
+367550 E 507 typing chat-84 true #a98d297d
+369271 E 508 typing sms-133 true #230a0bc7
+369663 E 509 message chat-84 m273 customer #a1d63452
+371820 E 510 message sms-133 m274 customer #2df5275a
+372246 E 511 message sms-127 m275 customer #20fc7f5b
+374307 E 512 typing email-56 true #32b97aac
+374537 E 513 typing sms-131 true #e517f0a7
+376083 E 514 typing social-73 true #036b35cf
+376273 E 515 typing chat-161 true #bb864c84
+376631 E 516 message email-56 m276 customer #b15759b3
+376821 E 517 message sms-131 m277 customer #88a76dcf
+377197 E 518 typing sms-133 true #5d69bfe0
+377816 E 519 typing sms-131 true #6d74545f
+380022 E 520 message sms-133 m278 customer #74416fc0
+380100 E 521 message chat-161 m279 customer #65e3b34c
+380282 E 522 message social-73 m280 customer #a404b373
+381766 E 523 typing email-56 true #212f8a6c
+382111 E 524 message sms-131 m281 customer #0cfbd1b4
+383981 E 525 typing social-142 true #74875bf8
+384235 E 526 typing email-153 true #301fd5e0
+385593 E 527 typing chat-101 true #3e1f1863
+385609 E 528 message email-56 m282 customer #1951ebc0
+386031 E 529 typing chat-161 true #b09608a5
+386351 E 530 typing sms-133 true #afd48975
+386723 E 531 message email-153 m283 customer #17e4eb15
+387177 E 532 message social-142 m284 customer #58bdfde2
+387418 E 533 typing email-56 true #9c2fcd54
+388397 E 534 message sms-133 m285 customer #6ef5af21
+388598 E 535 message chat-101 m286 customer #3e7ff5b3
+389082 E 536 typing social-142 true #e15544d6
+389783 E 537 message chat-161 m287 customer #6884fd3a
+390357 E 538 typing social-73 true #fd2f9c66
+390657 E 539 message email-56 m288 customer #9282c6a2
+390731 E 540 typing sms-133 true #3157f8b3
+392070 E 541 typing email-153 true #0711bcac
+392451 E 542 message social-142 m289 customer #f4494c86
+392571 E 543 typing sms-127 true #5b3207c9
+393260 E 544 message social-73 m290 customer #6b4327c1
+393326 E 545 typing sms-131 true #2dc24f92
+395047 E 546 message sms-133 m291 customer #bd945c0b
+395048 E 547 typing chat-84 true #788784c2
+396955 E 548 message email-153 m292 customer #1e62cc65
+397021 E 549 message sms-127 m293 customer #957cbcd9
+397411 E 550 message sms-131 m294 customer #4531a90b
+397957 E 551 message chat-84 m295 customer #31a61430
+398154 E 552 message chat-84 m296 system #484912f6
+398154 E 553 task chat-84 transferred transferred #bb88d610
+398154 E 554 message chat-101 m297 system #750f77e5
+398154 E 555 task chat-101 transferred transferred #e00c5d68
+398154 E 556 message chat-161 m298 system #1b4b2468
+398154 E 557 task chat-161 transferred transferred #dfe09166
+398154 E 558 media-state chat signed-out/not-ready/routable agent #377b9707
+398154 E 559 message social-73 m299 system #6c7bd3fa
+398154 E 560 task social-73 transferred transferred #8f500d17
+398154 E 561 message social-142 m300 system #80dc18e0
+398154 E 562 task social-142 transferred transferred #d63c5b8c
+398154 E 563 media-state social signed-out/not-ready/routable agent #bddc282e
+398250 > signOut chat social transfer ok #9b61ad43
+398346 E 564 message sms-127 m301 system #3bff917a
+398346 E 565 task sms-127 closed ended #eef45ed0
+398346 E 566 message sms-131 m302 system #03ac1298
+398346 E 567 task sms-131 closed ended #29542fc2
+398346 E 568 message sms-133 m303 system #390b79ff
+398346 E 569 task sms-133 closed ended #d959fa22
+398346 E 570 media-state sms signed-out/not-ready/routable agent #23ce889c
+398400 > signOut sms close ok #9b61ad43
+398400 E 571 task email-56 closed ended #2828f3ea
+398400 E 572 task email-153 closed ended #d3e720dc
+398400 E 573 media-state chat signed-out/not-ready/routable system #01164910
+398400 E 574 media-state sms signed-out/not-ready/routable system #5a667d9e
+398400 E 575 media-state social signed-out/not-ready/routable system #bad877b3
+398400 E 576 media-state email signed-out/not-ready/routable system #76c887a1
+398400 ! reset #9b61ad43
+398400 ! serverTasks #741638a5
+398400 ! serverState chat #7290a483
+398400 ! serverState sms #2e1aab86
+398400 ! serverState social #fc9b8618
+398400 ! serverState email #bd6d1591
+398400 C offline
+398550 > connect closed offline: This backend is closed
+398550 C connecting
+398580 C online
+398700 > connect sized ok #9b61ad43
+398730 E 1 media-state chat signed-in/not-ready/routable sign-in #a200303f
+398850 > signIn chat ok #9b61ad43
+398880 E 2 media-state chat signed-in/ready/routable agent #d2d4e3fa
+399000 > setState chat ready ok #9b61ad43
+399000 E 3 task chat-1 offered offered #aa9a8143
+399000 E 4 message chat-1 m2 customer #2c8356c6
+399000 ! offer chat #48097b24
+399030 E 5 task chat-1 active accepted #a4f6b3e2
+399150 > accept chat-1 ok #9b61ad43
+399300 > loadHistory chat-1 ok #2e82fde8
+399300 C offline
`
  .trim()
  .split('\n');
